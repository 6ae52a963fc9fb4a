package dev.shop.local.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.local.client.ApiClient;
import dev.shop.local.client.ApiClient.ApiResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One request followed by its id through the real local path (HTTP, the local
 * gateway and its access log, the payload 2.0 event, the function's JSON log
 * and EMF lines), with the stack started as {@code SHOP_LOG_FORMAT=json}
 * starts it. Everything the stack and its functions print is read back from
 * standard output.
 */
class ObservabilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Object> ADDRESS = Map.of("name", "Ada Shopper", "line1", "1 Main Street",
        "city", "Springfield", "postalCode", "12345", "country", "US");

    @TempDir
    static Path output;

    private static final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private static PrintStream originalOut;
    private static ShopLocal shop;
    private static String shopperToken;
    private static ApiClient shopper;

    @BeforeAll
    static void start() {
        originalOut = System.out;
        System.setOut(new PrintStream(new Tee(originalOut, printed), true, StandardCharsets.UTF_8));
        System.setProperty("shop.log.format", "json");
        shop = ShopLocal.start(StackOptions.inMemory(output, Path.of(System.getProperty("shop.lambdas"))));
        shopperToken = SignIn.accessToken(shop.info(), "shopper@shop.local", "Shopper-Passw0rd!");
        shopper = ApiClient.forUrl(shop.info().apiUrl()).withToken(shopperToken);
    }

    @AfterAll
    static void stop() {
        shop.close();
        System.clearProperty("shop.log.format");
        System.setOut(originalOut);
    }

    @Test
    void aFailingRequestIsFollowedByOneIdFromTheAccessLogIntoTheFunctionsJsonLines() {
        String productId = firstProductId();

        ApiResponse refused = shopper.put("/cart/items/" + productId, Map.of("quantity", 100));

        assertThat(refused.status()).isEqualTo(400);
        String id = refused.header("apigw-requestid");
        assertThat(id).isNotBlank();
        JsonNode access = accessLine(id);
        assertThat(access.path("routeKey").asText()).isEqualTo("PUT /cart/items/{productId}");
        assertThat(access.path("status").asText()).isEqualTo("400");
        List<JsonNode> functionLines = linesWith("apiRequestId", id);
        JsonNode logged = single(functionLines.stream().filter(line -> line.has("level")).toList());
        assertThat(logged.path("level").asText()).isEqualTo("INFO");
        assertThat(logged.path("logger").asText()).endsWith("RequestLogFilter");
        assertThat(logged.path("message").asText()).contains("400");
        assertThat(logged.path("route").asText()).isEqualTo("PUT /cart/items/{productId}");
        assertThat(logged.path("requestId").asText()).as("Lambda's request id").isNotBlank().isNotEqualTo(id);
        assertThat(logged.path("userId").asText()).as("the caller's sub").isNotBlank();
        JsonNode latency = single(metricLines(functionLines, "Latency"));
        assertThat(latency.path("Route").asText()).isEqualTo("PUT /cart/items/{productId}");
        assertThat(latency.path("Latency").asDouble()).isPositive();
        assertThat(latency.path("requestId").asText()).isEqualTo(logged.path("requestId").asText());
    }

    @Test
    void businessEventsAreEmbeddedMetricLinesOfTheirRequest() {
        String productId = firstProductId();

        ApiResponse write = shopper.put("/cart/items/" + productId, Map.of("quantity", 1));
        ApiClient checkout = shopper.withHeader("Idempotency-Key", "observe-1");
        ApiResponse placed = checkout.post("/orders", Map.of("shippingAddress", ADDRESS));
        ApiResponse replayed = checkout.post("/orders", Map.of("shippingAddress", ADDRESS));
        ApiResponse empty = shopper.withHeader("Idempotency-Key", "observe-2").post("/orders", Map.of("shippingAddress", ADDRESS));

        assertThat(List.of(write.status(), placed.status(), replayed.status(), empty.status())).containsExactly(200, 201, 200, 409);
        assertThat(metricLines(linesWith("apiRequestId", write.header("apigw-requestid")), "CartWrites")).hasSize(1);
        JsonNode order = single(metricLines(linesWith("apiRequestId", placed.header("apigw-requestid")), "OrdersPlaced"));
        assertThat(order.path("OrderValueCents").asLong()).isEqualTo(placed.json().path("totalCents").asLong()).isPositive();
        assertThat(metricLines(linesWith("apiRequestId", replayed.header("apigw-requestid")), "IdempotentReplays")).hasSize(1);
        JsonNode refused = single(metricLines(linesWith("apiRequestId", empty.header("apigw-requestid")), "CheckoutsRefused"));
        assertThat(refused.path("Reason").asText()).isEqualTo("EmptyCart");
        assertThat(refused.path("_aws").path("CloudWatchMetrics").get(0).path("Dimensions").get(0).get(0).asText()).isEqualTo("Reason");
    }

    @Test
    void noLineCarriesTheCallersToken() {
        shopper.get("/cart");
        shopper.put("/cart/items/not-a-product", Map.of("quantity", -1));

        String everything = printed.toString(StandardCharsets.UTF_8);
        String signature = shopperToken.substring(shopperToken.lastIndexOf('.') + 1);
        assertThat(everything).doesNotContain(shopperToken).doesNotContain(signature).doesNotContain("Shopper-Passw0rd!");
    }

    private static String firstProductId() {
        return ApiClient.forUrl(shop.info().apiUrl()).get("/catalog/products?limit=1").json().path("items").get(0).path("id").asText();
    }

    private static List<JsonNode> linesWith(String field, String value) {
        List<JsonNode> found = new ArrayList<>();
        for (String line : printed.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("{") && line.contains(value)) {
                try {
                    JsonNode node = JSON.readTree(line);
                    if (value.equals(node.path(field).asText(null))) {
                        found.add(node);
                    }
                } catch (IOException notOneObject) {
                    throw new AssertionError("A log line that is not one JSON object: " + line, notOneObject);
                }
            }
        }
        return found;
    }

    /**
     * The gateway's access line of one request. The gateway writes it once the response is sent, as API Gateway
     * delivers its access log after the response, so the client may read the response before the line exists.
     */
    private static JsonNode accessLine(String requestId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<JsonNode> lines = List.of();
        while (System.nanoTime() < deadline) {
            lines = linesWith("requestId", requestId).stream().filter(line -> line.has("routeKey")).toList();
            if (!lines.isEmpty()) {
                break;
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
        return single(lines);
    }

    private static List<JsonNode> metricLines(List<JsonNode> lines, String metric) {
        return lines.stream().filter(line -> line.has("_aws") && line.has(metric)).toList();
    }

    private static JsonNode single(List<JsonNode> nodes) {
        assertThat(nodes).hasSize(1);
        return nodes.get(0);
    }

    /** Standard output as it was, and a copy to read back. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }

        @Override
        public synchronized void flush() throws IOException {
            first.flush();
        }
    }
}
