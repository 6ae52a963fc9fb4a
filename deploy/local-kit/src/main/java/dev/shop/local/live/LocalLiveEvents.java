package dev.shop.local.live;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.shop.common.config.ShopSettings;
import dev.shop.common.live.LiveApi;
import dev.shop.local.Closeables;
import dev.shop.local.LocalSettings;
import dev.shop.local.lambda.LambdaFunction;
import dev.shop.local.lambda.LambdaFunction.EventTypes;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The live-events path of the local stack, wired as {@link LiveApi} says: the
 * authorizer and connection handlers behind the local WebSocket API, and the
 * stream consumer behind the local event source mapping, each a function of
 * its own (its own class loader over the service's Lambda jar), as on Lambda.
 */
public final class LocalLiveEvents implements AutoCloseable {

    private final List<AutoCloseable> parts;
    private final LocalWebSocketApi webSocketApi;
    private final StreamEventSource eventSource;
    private final LambdaFunction consumer;
    private final String streamArn;

    private LocalLiveEvents(List<AutoCloseable> parts, LocalWebSocketApi webSocketApi, StreamEventSource eventSource,
                            LambdaFunction consumer, String streamArn) {
        this.parts = parts;
        this.webSocketApi = webSocketApi;
        this.eventSource = eventSource;
        this.consumer = consumer;
        this.streamArn = streamArn;
    }

    /**
     * Starts the functions from {@code lambdaJar} (the jar of {@link LiveApi#SERVICE}), the WebSocket API on
     * {@code webSocketPort} (0 for a free port) and the event source on the table's stream. The services'
     * settings must already be applied ({@link LocalSettings#apply}).
     */
    public static LocalLiveEvents start(Path lambdaJar, String dynamoDbEndpoint, String tableName, int webSocketPort) {
        List<AutoCloseable> parts = new ArrayList<>();
        try {
            LambdaFunction authorizer = LambdaFunction.fromJar("live-authorizer", lambdaJar, LiveApi.AUTHORIZER_HANDLER,
                EventTypes.REQUEST_AUTHORIZER);
            parts.add(authorizer);
            LambdaFunction connections = LambdaFunction.fromJar("live-connections", lambdaJar, LiveApi.CONNECTIONS_HANDLER,
                EventTypes.WEBSOCKET);
            parts.add(connections);
            LocalWebSocketApi api = LocalWebSocketApi.start(webSocketPort, 0, authorizer, connections);
            parts.add(0, api);
            System.setProperty(ShopSettings.LIVE_CONNECTIONS_ENDPOINT.property(), api.connectionsEndpoint());
            LambdaFunction consumer = LambdaFunction.fromJar("order-events", lambdaJar, LiveApi.STREAM_HANDLER,
                EventTypes.DYNAMODB_STREAM);
            parts.add(consumer);
            String streamArn;
            try (DynamoDbClient dynamoDb = DynamoDbClient.builder().endpointOverride(URI.create(dynamoDbEndpoint))
                .region(Region.of(LocalSettings.REGION)).credentialsProvider(credentials())
                .httpClientBuilder(ApacheHttpClient.builder()).build()) {
                streamArn = dynamoDb.describeTable(b -> b.tableName(tableName)).table().latestStreamArn();
            }
            if (streamArn == null) {
                throw new IllegalStateException("Table " + tableName + " has no stream");
            }
            DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder().endpointOverride(URI.create(dynamoDbEndpoint))
                .region(Region.of(LocalSettings.REGION)).credentialsProvider(credentials())
                .httpClientBuilder(ApacheHttpClient.builder()).build();
            StreamEventSource source = StreamEventSource.start(streams, streamArn, consumer, LiveApi.STREAM);
            parts.add(0, source);
            return new LocalLiveEvents(parts, api, source, consumer, streamArn);
        } catch (RuntimeException failure) {
            Closeables.closeAll(parts);
            throw failure;
        }
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    }

    /** The WebSocket URL clients connect to. */
    public String webSocketUrl() {
        return webSocketApi.url();
    }

    public LocalWebSocketApi webSocketApi() {
        return webSocketApi;
    }

    /** Stream batches that used up their retries (the on-failure destination). */
    public List<DeadLetter> deadLetters() {
        return eventSource.deadLetters();
    }

    /** The consumer function, for invoking it with a batch by hand (a redelivery). */
    public LambdaFunction consumer() {
        return consumer;
    }

    public String streamArn() {
        return streamArn;
    }

    @Override
    public void close() {
        Closeables.closeAll(parts);
    }
}
