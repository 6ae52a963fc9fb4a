package dev.shop.orders.live;

import java.net.URI;
import java.time.Duration;

import dev.shop.common.config.ShopSettings;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClientBuilder;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;

/**
 * Pushes a message to one connection through the API Gateway Management API
 * ({@code POST @connections/{id}}). Each push is bounded (one attempt of at
 * most two seconds, no SDK retries), so a stale or slow connection costs the
 * others at most that, and its failure is an outcome, never an exception.
 */
@Singleton
class ConnectionPusher implements AutoCloseable {

    /** What became of one push. */
    enum Delivery { SENT, GONE, FAILED }

    private final String endpoint;
    private final String localDynamoDb;
    private ApiGatewayManagementApiClient client;

    /**
     * Nothing is built here: every function of the jar creates its singletons
     * at start, and only the stream consumer pushes, so the client is made on
     * the first push instead of on every HTTP function's cold start.
     */
    ConnectionPusher(@Nullable @Value("${" + ShopSettings.Names.LIVE_CONNECTIONS_ENDPOINT + ":}") String endpoint,
                     @Nullable @Value("${" + ShopSettings.Names.DYNAMODB_ENDPOINT + ":}") String localDynamoDb) {
        this.endpoint = endpoint;
        this.localDynamoDb = localDynamoDb;
    }

    synchronized ApiGatewayManagementApiClient client() {
        if (client != null) {
            return client;
        }
        if (endpoint == null || endpoint.isBlank()) {
            throw new IllegalStateException("shop.live.connections-endpoint (SHOP_LIVE_CONNECTIONS_ENDPOINT) is not set");
        }
        ApiGatewayManagementApiClientBuilder builder = ApiGatewayManagementApiClient.builder()
            .httpClientBuilder(AwsCrtHttpClient.builder())
            .endpointOverride(URI.create(endpoint))
            .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(2)).retryStrategy(AwsRetryStrategy.doNotRetry()));
        if (localDynamoDb != null && !localDynamoDb.isBlank()) {
            // the local stack: its endpoint takes no credentials, real ones must never be needed
            builder.region(Region.of(System.getProperty("aws.region", "us-east-1")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        client = builder.build();
        return client;
    }

    Delivery push(String connectionId, byte[] message) {
        try {
            client().postToConnection(b -> b.connectionId(connectionId).data(SdkBytes.fromByteArrayUnsafe(message)));
            return Delivery.SENT;
        } catch (GoneException gone) {
            return Delivery.GONE;
        } catch (SdkException failed) {
            return Delivery.FAILED;
        }
    }

    @PreDestroy
    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
        }
    }
}
