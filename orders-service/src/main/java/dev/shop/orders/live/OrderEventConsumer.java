package dev.shop.orders.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.shop.common.config.ShopSettings;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a batch of stream records into pushed events, in stream order.
 *
 * <p>Per record: the events are derived, their recipients found (the owner's
 * connections and the admins', by Query), the record is claimed with its
 * delivery marker, and only then pushed. A record that fails before its
 * claim (unreadable, DynamoDB unavailable) ends the batch: its sequence number
 * is reported in {@code batchItemFailures}, and the event source retries from
 * there, bisecting and finally sending it to the on-failure destination. A
 * push that fails does not fail the record: a gone connection is deleted, any
 * other failure is logged, and the other connections are served either way.
 * So a record is pushed at most once, never twice.
 */
@Singleton
class OrderEventConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(OrderEventConsumer.class);

    private final ConnectionRepository connections;
    private final DeliveryMarkers markers;
    private final ConnectionPusher pusher;
    private final ObjectMapper json;
    private final long lowStockThreshold;
    private final Clock clock;

    OrderEventConsumer(ConnectionRepository connections, DeliveryMarkers markers, ConnectionPusher pusher, ObjectMapper json,
                       Clock clock, @Value("${" + ShopSettings.Names.LIVE_LOW_STOCK_THRESHOLD + ":5}") long lowStockThreshold) {
        this.clock = clock;
        this.connections = connections;
        this.markers = markers;
        this.pusher = pusher;
        this.json = json;
        this.lowStockThreshold = lowStockThreshold;
    }

    StreamsEventResponse consume(DynamodbEvent batch) {
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : batch.getRecords()) {
            try {
                deliver(record);
            } catch (RuntimeException failure) {
                LOG.warn("Stream record {} failed: {}", record.getEventID(), failure.toString());
                // Lambda retries from the first failure on; later records are redelivered with it
                failures.add(new StreamsEventResponse.BatchItemFailure(record.getDynamodb().getSequenceNumber()));
                break;
            }
        }
        return new StreamsEventResponse(failures);
    }

    private void deliver(DynamodbEvent.DynamodbStreamRecord record) {
        StreamChange change = new StreamChange(record.getEventID(), record.getEventName(), committedAt(record),
            Image.of(record.getDynamodb().getOldImage()), Image.of(record.getDynamodb().getNewImage()));
        List<ShopEvent> events = change.events(lowStockThreshold);
        if (events.isEmpty()) {
            return;
        }
        Map<ShopEvent, List<LiveConnection>> recipients = new LinkedHashMap<>();
        for (ShopEvent event : events) {
            recipients.put(event, recipients(event.audience()));
        }
        if (!markers.claim(record.getEventID())) {
            LOG.info("Stream record {} was delivered before; nothing pushed", record.getEventID());
            return;
        }
        recipients.forEach((event, to) -> {
            byte[] message = serialize(event);
            for (LiveConnection connection : to) {
                switch (pusher.push(connection.connectionId(), message)) {
                    case SENT -> { }
                    case GONE -> connections.delete(connection);
                    case FAILED -> LOG.warn("Push of {} to connection {} failed", event.eventId(), connection.connectionId());
                }
            }
        });
    }

    /** The owner's connections and the admins', each connection once (an admin may own the order). */
    private List<LiveConnection> recipients(ShopEvent.Audience audience) {
        Map<String, LiveConnection> byId = new LinkedHashMap<>();
        if (audience.ownerUserId() != null) {
            connections.ofUser(audience.ownerUserId()).forEach(c -> byId.put(c.connectionId(), c));
        }
        connections.ofAdmins().forEach(c -> byId.putIfAbsent(c.connectionId(), c));
        return List.copyOf(byId.values());
    }

    private Instant committedAt(DynamodbEvent.DynamodbStreamRecord record) {
        Date at = record.getDynamodb().getApproximateCreationDateTime();
        return at == null ? clock.instant() : at.toInstant();
    }

    @SuppressWarnings("unchecked")
    private byte[] serialize(ShopEvent event) {
        try {
            return json.writeValueAsBytes((Argument<ShopEvent>) Argument.of(event.getClass()), event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
