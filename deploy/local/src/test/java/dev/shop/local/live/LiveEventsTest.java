package dev.shop.local.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.common.live.LiveApi;
import dev.shop.common.table.Keys;
import dev.shop.common.table.ShopTable;
import dev.shop.local.client.ApiClient;
import dev.shop.local.client.ApiClient.ApiResponse;
import dev.shop.local.stack.ShopLocal;
import dev.shop.local.stack.StackOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Live events through the real path of the local stack: HTTP → local gateway →
 * the services' Lambda handlers → DynamoDB Local → its stream → the local event
 * source mapping → the consumer function → {@code @connections} → a real
 * WebSocket connection opened with a Cognito access token.
 */
class LiveEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The bound locally, from the HTTP response to the message. */
    private static final Duration LIVE = Duration.ofSeconds(1);
    /** How long to wait for something asynchronous that is not the measured push. */
    private static final Duration EVENTUALLY = Duration.ofSeconds(10);

    @TempDir
    static Path output;

    private static ShopLocal shop;
    private static CognitoIdentityProviderClient cognito;
    private static DynamoDbClient dynamoDb;
    private static DynamoDbStreamsClient streams;
    private static String adminToken;

    @BeforeAll
    static void start() {
        shop = ShopLocal.start(StackOptions.inMemory(output, Path.of(System.getProperty("shop.lambdas"))));
        cognito = CognitoIdentityProviderClient.builder().endpointOverride(URI.create(shop.info().cognitoEndpoint()))
            .region(Region.US_EAST_1).credentialsProvider(AnonymousCredentialsProvider.create()).build();
        StaticCredentialsProvider local = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        dynamoDb = DynamoDbClient.builder().endpointOverride(URI.create(shop.info().dynamodbEndpoint()))
            .region(Region.US_EAST_1).credentialsProvider(local).build();
        streams = DynamoDbStreamsClient.builder().endpointOverride(URI.create(shop.info().dynamodbEndpoint()))
            .region(Region.US_EAST_1).credentialsProvider(local).build();
        adminToken = login("admin@shop.local", "Admin-Passw0rd!").accessToken();
    }

    @AfterAll
    static void stop() {
        streams.close();
        dynamoDb.close();
        cognito.close();
        shop.close();
    }

    @Test
    void stackFileNamesTheWebSocketUrl() throws Exception {
        JsonNode stack = JSON.readTree(Files.readString(output.resolve("stack.json")));

        assertThat(stack.path("webSocketUrl").asText()).startsWith("ws://localhost:").isEqualTo(shop.info().webSocketUrl());
    }

    @Test
    void placedOrderReachesItsOwnerAndAdminsWithinASecondAndNobodyElse() {
        User owner = newUser();
        User other = newUser();
        try (LiveClient ownerSocket = connect(owner.token());
             LiveClient otherSocket = connect(other.token());
             LiveClient adminSocket = connect(adminToken)) {
            assertThat(ownerSocket.subprotocol()).isEqualTo(LiveApi.SUBPROTOCOL);

            String orderId = placeOrder(owner);
            Instant placed = Instant.now();

            LiveClient.TimedMessage received = ownerSocket.next(EVENTUALLY).orElseThrow();
            assertThat(received.json().path("type").asText()).isEqualTo("order.placed");
            assertThat(received.json().path("orderId").asText()).isEqualTo(orderId);
            assertThat(received.json().path("userId").asText()).isEqualTo(owner.userId());
            assertThat(received.json().path("status").asText()).isEqualTo("PLACED");
            assertThat(Duration.between(placed, received.receivedAt())).isLessThan(LIVE);
            JsonNode adminCopy = adminSocket.first(forOrder(orderId), EVENTUALLY).orElseThrow().json();
            assertThat(adminCopy.path("eventId").asText()).isEqualTo(received.json().path("eventId").asText());

            // the other user's first message is about their own order, never the owner's
            String otherOrder = placeOrder(other);
            assertThat(otherSocket.next(EVENTUALLY).orElseThrow().json().path("orderId").asText()).isEqualTo(otherOrder);
        }
    }

    @Test
    void statusChangesAndCancellationsArePushedWithFromAndTo() {
        User owner = newUser();
        try (LiveClient socket = connect(owner.token())) {
            String shipped = placeOrder(owner);
            String cancelled = placeOrder(owner);
            expect(200, admin().put("/orders/" + shipped + "/status", Map.of("status", "SHIPPED")));
            expect(200, owner.api().send("POST", "/orders/" + cancelled + "/cancel", null, null));

            JsonNode change = socket.first(message -> message.path("type").asText().equals("order.status-changed"), EVENTUALLY)
                .orElseThrow().json();
            assertThat(change.path("orderId").asText()).isEqualTo(shipped);
            assertThat(change.path("from").asText()).isEqualTo("PLACED");
            assertThat(change.path("to").asText()).isEqualTo("SHIPPED");
            JsonNode cancellation = socket.first(message -> message.path("type").asText().equals("order.cancelled"), EVENTUALLY)
                .orElseThrow().json();
            assertThat(cancellation.path("orderId").asText()).isEqualTo(cancelled);
            assertThat(cancellation.path("from").asText()).isEqualTo("PLACED");
            assertThat(cancellation.path("to").asText()).isEqualTo("CANCELLED");
        }
    }

    @Test
    void adminSeesStockFallToTheThresholdAndProductDeleted() {
        try (LiveClient socket = connect(adminToken)) {
            String productId = product(20);
            expect(200, admin().put("/catalog/products/" + productId + "/stock", Map.of("available", 6)));
            expect(200, admin().post("/catalog/products/" + productId + "/stock/adjustments", Map.of("delta", -2, "reason", "count")));
            expect(204, admin().delete("/catalog/products/" + productId));

            JsonNode low = socket.first(message -> message.path("type").asText().equals("stock.low")
                && message.path("productId").asText().equals(productId), EVENTUALLY).orElseThrow().json();
            assertThat(low.path("available").asLong()).isEqualTo(4);
            assertThat(low.path("threshold").asLong()).isEqualTo(5);
            JsonNode deleted = socket.first(message -> message.path("type").asText().equals("product.deleted")
                && message.path("productId").asText().equals(productId), EVENTUALLY).orElseThrow().json();
            assertThat(deleted.path("sku").asText()).startsWith("LIVE-");
        }
    }

    @Test
    void redeliveredBatchPushesNothingTwice() throws Exception {
        User owner = newUser();
        try (LiveClient socket = connect(owner.token())) {
            String orderId = placeOrder(owner);
            assertThat(socket.next(EVENTUALLY).orElseThrow().json().path("orderId").asText()).isEqualTo(orderId);

            Record insert = streamRecord(Keys.order(orderId).pk(), "INSERT");
            JsonNode response = JSON.readTree(shop.live().consumer().invoke(StreamRecords.lambdaEvent(List.of(insert), shop.live().streamArn())));
            assertThat(response.path("batchItemFailures")).isEmpty();

            // the next message is the next change, not the placed order again
            expect(200, owner.api().send("POST", "/orders/" + orderId + "/cancel", null, null));
            assertThat(socket.next(EVENTUALLY).orElseThrow().json().path("type").asText()).isEqualTo("order.cancelled");
        }
    }

    @Test
    void goneConnectionIsDeletedAndDoesNotKeepTheEventFromOthers() {
        User owner = newUser();
        String stale = "stale-" + UUID.randomUUID().toString().substring(0, 8) + "=";
        Keys.Key staleKey = Keys.liveConnection(owner.userId(), stale);
        Map<String, AttributeValue> item = new HashMap<>(staleKey.toAttributeMap());
        item.put("connectionId", AttributeValue.fromS(stale));
        item.put("userId", AttributeValue.fromS(owner.userId()));
        item.put("admin", AttributeValue.fromBool(false));
        item.put(ShopTable.TTL, AttributeValue.fromN(Long.toString(Instant.now().plusSeconds(3600).getEpochSecond())));
        dynamoDb.putItem(b -> b.tableName(shop.info().tableName()).item(item));
        try (LiveClient socket = connect(owner.token())) {
            String orderId = placeOrder(owner);

            assertThat(socket.next(EVENTUALLY).orElseThrow().json().path("orderId").asText()).isEqualTo(orderId);
            assertThat(eventually(() -> stored(staleKey).isEmpty())).isTrue();
        }
    }

    @Test
    void closedConnectionIsRemovedOnDisconnect() {
        User owner = newUser();
        LiveClient socket = connect(owner.token());
        assertThat(eventually(() -> connectionCount(owner) == 1)).isTrue();

        socket.close();

        assertThat(eventually(() -> connectionCount(owner) == 0)).isTrue();
    }

    @Test
    void poisonRecordGoesToTheDeadLettersAndTheStreamGoesOn() {
        User owner = newUser();
        String poison = Keys.order("poison-" + UUID.randomUUID()).pk();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ShopTable.PK, AttributeValue.fromS(poison));
        item.put(ShopTable.SK, AttributeValue.fromS(Keys.order("x").sk()));
        item.put("status", AttributeValue.fromS("LOST"));
        try (LiveClient socket = connect(owner.token())) {
            dynamoDb.putItem(b -> b.tableName(shop.info().tableName()).item(item));
            String orderId = placeOrder(owner);

            assertThat(socket.next(EVENTUALLY).orElseThrow().json().path("orderId").asText()).isEqualTo(orderId);
            List<DeadLetter> letters = shop.live().deadLetters().stream()
                .filter(letter -> pkAt(letter).equals(poison)).toList();
            assertThat(letters).singleElement().satisfies(letter -> {
                assertThat(letter.batchSize()).isEqualTo(1);
                assertThat(JSON.readTree(letter.json()).path("requestContext").path("condition").asText())
                    .isEqualTo("RetryAttemptsExhausted");
            });
        }
    }

    @Test
    void handshakeWithoutAValidAccessTokenIsRefused() {
        String url = shop.info().webSocketUrl();
        String idToken = login("shopper@shop.local", "Shopper-Passw0rd!").idToken();

        assertThatThrownBy(() -> LiveClient.connect(url, LiveApi.SUBPROTOCOL)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> LiveClient.connect(url, LiveApi.SUBPROTOCOL, "not.a.token")).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> LiveClient.connect(url, LiveApi.SUBPROTOCOL, idToken)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> LiveClient.connect(url, "other-protocol", adminToken)).isInstanceOf(RuntimeException.class);
    }

    // --- fixtures ------------------------------------------------------------

    private record User(String userId, String token, ApiClient api) {
    }

    private static User newUser() {
        String email = "live-" + UUID.randomUUID() + "@example.com";
        cognito.signUp(b -> b.clientId(shop.info().clientId()).username(email).password("Live-Passw0rd!")
            .userAttributes(AttributeType.builder().name("email").value(email).build()));
        String token = login(email, "Live-Passw0rd!").accessToken();
        return new User(subject(token), token, shop.client().withToken(token));
    }

    private static AuthenticationResultType login(String username, String password) {
        return cognito.initiateAuth(b -> b.clientId(shop.info().clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
            .authParameters(Map.of("USERNAME", username, "PASSWORD", password))).authenticationResult();
    }

    private static String subject(String jwt) {
        try {
            byte[] payload = Base64.getUrlDecoder().decode(jwt.split("\\.")[1]);
            return JSON.readTree(new String(payload, StandardCharsets.UTF_8)).path("sub").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiClient admin() {
        return shop.client().withToken(adminToken);
    }

    private static LiveClient connect(String token) {
        return LiveClient.connect(shop.info().webSocketUrl(), token);
    }

    private static String product(long stock) {
        String unique = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sku", "LIVE-" + unique);
        body.put("name", "Live " + unique);
        body.put("category", "live-test");
        body.put("priceCents", 1_500);
        body.put("initialStock", stock);
        return expect(201, admin().post("/catalog/products", body)).json().path("id").asText();
    }

    private static String placeOrder(User user) {
        String productId = product(50);
        expect(200, user.api().put("/cart/items/" + productId, Map.of("quantity", 1)));
        Map<String, Object> address = Map.of("name", "Ada Lovelace", "line1", "12 St James's Square", "city", "London",
            "postalCode", "SW1Y 4JH", "country", "GB");
        return expect(201, user.api().withHeader("Idempotency-Key", UUID.randomUUID().toString())
            .post("/orders", Map.of("shippingAddress", address))).json().path("id").asText();
    }

    private static ApiResponse expect(int status, ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }

    private static Predicate<JsonNode> forOrder(String orderId) {
        return message -> message.path("orderId").asText().equals(orderId);
    }

    private static Map<String, AttributeValue> stored(Keys.Key key) {
        return dynamoDb.getItem(b -> b.tableName(shop.info().tableName()).key(key.toAttributeMap()).consistentRead(true)).item();
    }

    private static int connectionCount(User user) {
        return dynamoDb.query(b -> b.tableName(shop.info().tableName()).consistentRead(true)
            .keyConditionExpression("#pk = :pk")
            .expressionAttributeNames(Map.of("#pk", ShopTable.PK))
            .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.liveConnections(user.userId())))))
            .count();
    }

    private static boolean eventually(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(EVENTUALLY);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    /** A change to the item with this partition key, read back from the stream as the event source read it. */
    private static Record streamRecord(String pk, String eventName) {
        for (Shard shard : streams.describeStream(b -> b.streamArn(shop.live().streamArn())).streamDescription().shards()) {
            String iterator = streams.getShardIterator(b -> b.streamArn(shop.live().streamArn()).shardId(shard.shardId())
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            while (iterator != null) {
                String current = iterator;
                var page = streams.getRecords(b -> b.shardIterator(current));
                for (Record record : page.records()) {
                    if (record.eventNameAsString().equals(eventName) && pk.equals(record.dynamodb().keys().get(ShopTable.PK).s())) {
                        return record;
                    }
                }
                iterator = page.records().isEmpty() ? null : page.nextShardIterator();
            }
        }
        throw new AssertionError("No " + eventName + " of " + pk + " in the stream");
    }

    /** The partition key of the record a dead letter points at, read back through the Streams API. */
    private static String pkAt(DeadLetter letter) {
        String iterator = streams.getShardIterator(b -> b.streamArn(shop.live().streamArn()).shardId(letter.shardId())
            .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).sequenceNumber(letter.startSequenceNumber())).shardIterator();
        List<Record> records = streams.getRecords(b -> b.shardIterator(iterator).limit(1)).records();
        return records.isEmpty() ? "" : records.get(0).dynamodb().keys().get(ShopTable.PK).s();
    }
}
