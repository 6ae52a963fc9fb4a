package dev.shop.local.live;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shop.common.live.LiveApi;
import dev.shop.common.table.ShopTable;
import dev.shop.local.lambda.LambdaFunction;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The local twin of Lambda's event source mapping for a DynamoDB stream: it
 * polls DynamoDB Local's own Streams API (DescribeStream, GetShardIterator,
 * GetRecords), keeps the records the filter lets through (the item types of
 * {@link LiveApi#STREAM}), and invokes the consumer function with
 * {@code DynamodbEvent} batches through the runtime's serializers. Failures
 * are handled as the mapping does with {@code ReportBatchItemFailures}: the
 * batch is retried from the first failed record, halved around it
 * (bisect), each part retried up to the retry limit, and what still fails goes
 * to the dead-letter list as Lambda's on-failure record, while the stream
 * goes on.
 */
public final class StreamEventSource implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final Duration SHARD_REFRESH = Duration.ofSeconds(1);

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final LambdaFunction consumer;
    private final LiveApi.StreamSource settings;
    private final Map<String, String> iterators = new LinkedHashMap<>();
    private final Set<String> known = new HashSet<>();
    private final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;
    private Instant lastRefresh = Instant.EPOCH;

    private StreamEventSource(DynamoDbStreamsClient streams, String streamArn, LambdaFunction consumer, LiveApi.StreamSource settings) {
        this.streams = streams;
        this.streamArn = streamArn;
        this.consumer = consumer;
        this.settings = settings;
        this.poller = new Thread(this::pollLoop, "stream-event-source");
        this.poller.setDaemon(true);
    }

    /**
     * Starts reading the stream at its current end (as a mapping created with
     * {@code StartingPosition.LATEST}): changes already in it are not replayed.
     */
    public static StreamEventSource start(DynamoDbStreamsClient streams, String streamArn, LambdaFunction consumer,
                                          LiveApi.StreamSource settings) {
        StreamEventSource source = new StreamEventSource(streams, streamArn, consumer, settings);
        source.refreshShards(true);
        source.poller.start();
        return source;
    }

    /** Batches that used up their retries, oldest first. */
    public List<DeadLetter> deadLetters() {
        return List.copyOf(deadLetters);
    }

    private void pollLoop() {
        while (running) {
            try {
                if (Instant.now().isAfter(lastRefresh.plus(SHARD_REFRESH))) {
                    refreshShards(false);
                }
                for (String shardId : List.copyOf(iterators.keySet())) {
                    poll(shardId);
                }
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException failure) {
                if (running) {
                    System.err.println("Stream event source: " + failure);
                    iterators.clear();
                    known.clear();
                    lastRefresh = Instant.EPOCH;
                }
            }
        }
    }

    /** Shards open when the source starts are read from their end; shards that appear later from their start. */
    private void refreshShards(boolean atStart) {
        lastRefresh = Instant.now();
        for (Shard shard : streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards()) {
            if (!known.add(shard.shardId())) {
                continue;
            }
            boolean closed = shard.sequenceNumberRange() != null && shard.sequenceNumberRange().endingSequenceNumber() != null;
            if (atStart && closed) {
                continue;
            }
            ShardIteratorType position = atStart ? ShardIteratorType.LATEST : ShardIteratorType.TRIM_HORIZON;
            iterators.put(shard.shardId(), streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shard.shardId())
                .shardIteratorType(position)).shardIterator());
        }
    }

    private void poll(String shardId) {
        GetRecordsResponse response = streams.getRecords(b -> b.shardIterator(iterators.get(shardId)).limit(settings.batchSize()));
        if (response.nextShardIterator() == null) {
            iterators.remove(shardId);
        } else {
            iterators.put(shardId, response.nextShardIterator());
        }
        List<Record> batch = response.records().stream()
            .filter(record -> settings.sortKeys().contains(StreamRecords.sortKey(record, ShopTable.SK)))
            .toList();
        if (!batch.isEmpty()) {
            deliver(shardId, batch, settings.maxRetryAttempts());
        }
    }

    private void deliver(String shardId, List<Record> batch, int retriesLeft) {
        int failedAt = invoke(batch);
        if (failedAt < 0) {
            return;
        }
        List<Record> rest = batch.subList(failedAt, batch.size());
        if (settings.bisectOnError() && rest.size() > 1) {
            int half = rest.size() / 2;
            deliver(shardId, List.copyOf(rest.subList(0, half)), retriesLeft);
            deliver(shardId, List.copyOf(rest.subList(half, rest.size())), retriesLeft);
        } else if (retriesLeft > 0) {
            deliver(shardId, List.copyOf(rest), retriesLeft - 1);
        } else {
            deadLetter(shardId, rest);
        }
    }

    /** @return the index of the first failed record, or -1 when the whole batch succeeded */
    private int invoke(List<Record> batch) {
        try {
            JsonNode response = JSON.readTree(consumer.invoke(StreamRecords.lambdaEvent(batch, streamArn)));
            JsonNode failures = response.path("batchItemFailures");
            if (!failures.isArray() || failures.isEmpty()) {
                return -1;
            }
            int first = batch.size();
            for (JsonNode failure : failures) {
                String sequence = failure.path("itemIdentifier").asText("");
                int index = indexOf(batch, sequence);
                if (index < 0) {
                    return 0; // an identifier that is not in the batch fails the whole batch, as on Lambda
                }
                first = Math.min(first, index);
            }
            return first;
        } catch (RuntimeException | IOException functionError) {
            System.err.println("Stream consumer failed: " + functionError);
            return 0;
        }
    }

    private static int indexOf(List<Record> batch, String sequenceNumber) {
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i).dynamodb().sequenceNumber().equals(sequenceNumber)) {
                return i;
            }
        }
        return -1;
    }

    private void deadLetter(String shardId, List<Record> records) {
        Record first = records.get(0);
        Record last = records.get(records.size() - 1);
        ObjectNode message = JSON.createObjectNode();
        ObjectNode context = message.putObject("requestContext");
        context.put("requestId", UUID.randomUUID().toString());
        context.put("functionArn", "arn:aws:lambda:us-east-1:000000000000:function:" + consumer.name());
        context.put("condition", "RetryAttemptsExhausted");
        context.put("approximateInvokeCount", settings.maxRetryAttempts() + 1);
        message.put("version", "1.0");
        message.put("timestamp", Instant.now().toString());
        ObjectNode info = message.putObject("DDBStreamBatchInfo");
        info.put("shardId", shardId);
        info.put("startSequenceNumber", first.dynamodb().sequenceNumber());
        info.put("endSequenceNumber", last.dynamodb().sequenceNumber());
        info.put("batchSize", records.size());
        info.put("streamArn", streamArn);
        DeadLetter letter = new DeadLetter(shardId, first.dynamodb().sequenceNumber(), last.dynamodb().sequenceNumber(),
            records.size(), message.toString());
        deadLetters.add(letter);
        System.err.println("Stream records sent to the dead-letter list: " + letter.json());
    }

    @Override
    public void close() {
        running = false;
        poller.interrupt();
        try {
            poller.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        streams.close();
    }

    @Override
    public String toString() {
        return "StreamEventSource[" + streamArn + "]";
    }
}
