package dev.shop.gatling.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.common.routes.Service;
import dev.shop.common.table.Keys;
import dev.shop.local.lambda.LambdaFunction;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Benchmark (not a test): what the shop adds on top of DynamoDB for its simplest read, measured against the
 * floor. In one JVM with the in-memory local stack, one thread takes turns, product by product, at four ways of
 * reading the same product, each timed with {@code System.nanoTime()}:
 * <ol>
 *   <li><b>wire GetItem</b>: the pre-serialized {@code GetItem} request POSTed to DynamoDB Local on a kept-alive
 *       connection, no SDK ({@link WireGetItem}): the raw round trip, the floor;</li>
 *   <li><b>SDK GetItem</b>: the same read through the AWS SDK's {@code DynamoDbClient} (request building,
 *       marshalling, signing, the interceptor chain), so that the SDK's own share is visible;</li>
 *   <li><b>function invoke</b>: the catalog function's handler invoked in this thread with a pre-built payload 2.0
 *       event for {@code GET /catalog/products/{id}}, as the Lambda runtime invokes it: everything the function
 *       spends, without the gateway or HTTP in front of it. Its p50 minus the wire GetItem's p50 is the function's
 *       own time per request, the part Lambda bills beyond the database's round trip;</li>
 *   <li><b>end to end</b>: {@code GET /catalog/products/{id}} through the local gateway (HTTP, JWT-free route,
 *       payload 2.0 event, the function, JSON back).</li>
 * </ol>
 * The order of the four rotates from one product to the next, so none always runs on a cache or a thread warmed by
 * another. Iterations: {@code -Dbench.warmup} (default 5000) then {@code -Dbench.iterations} (default 20000).
 *
 * <p>The HTTP client of the wire GetItem and the end-to-end read is Apache HttpClient 4, the blocking keep-alive
 * HTTP/1.1 client (the copy the SDK's apache-client brings), so both pay the same client;
 * {@code -Dbench.client=jdk} reads end to end with the JDK's {@code java.net.http.HttpClient} instead, whose
 * asynchronous design hands every exchange between threads and adds its own cost on this 2-core machine.
 *
 * <p>Run with {@code bin/perf-bench overhead}.
 */
public final class OverheadBenchmark {

    private OverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = Integer.getInteger("bench.warmup", 5_000);
        int iterations = Integer.getInteger("bench.iterations", 20_000);
        String client = System.getProperty("bench.client", "apache");
        try (BenchStack stack = BenchStack.start(); DynamoDbClient dynamoDb = stack.dynamoDb();
             CloseableHttpClient apache = HttpClients.createDefault();
             CloseableHttpClient wireClient = HttpClients.createDefault();
             LambdaFunction catalog = LambdaFunction.fromJar("catalog-bench", Service.CATALOG.lambdaPackage(BenchStack.lambdas()),
                 Service.HANDLER)) {
            List<String> ids = new ArrayList<>();
            new ObjectMapper().readTree(stack.get("/catalog/products?limit=100")).path("items")
                .forEach(item -> ids.add(item.path("id").asText()));
            String table = stack.shop.info().tableName();
            WireGetItem wire = new WireGetItem(stack.shop.info().dynamodbEndpoint(), stack.shop.info().region(),
                BenchStack.ACCESS_KEY, table, ids);
            Map<String, String> events = new LinkedHashMap<>();
            for (String id : ids) {
                events.put(id, PayloadEvents.event("GET", "/catalog/products/" + id, null));
            }
            String apiUrl = stack.shop.info().apiUrl();
            Consumer<String> endToEndRead = switch (client) {
                case "apache" -> id -> BenchStack.get(apache, apiUrl + "/catalog/products/" + id);
                case "jdk" -> id -> stack.get("/catalog/products/" + id);
                default -> throw new IllegalArgumentException("bench.client is apache or jdk, not " + client);
            };

            Latencies wireLatencies = new Latencies("wire GetItem (pre-serialized, no SDK; the floor)", iterations);
            Latencies sdkLatencies = new Latencies("SDK GetItem (DynamoDbClient on Apache)", iterations);
            Latencies invokeLatencies = new Latencies("catalog function invoked directly (payload 2.0 event)", iterations);
            Latencies endToEndLatencies = new Latencies("GET /catalog/products/{id} (local gateway, " + client + " client)", iterations);
            List<Latencies> order = List.of(wireLatencies, sdkLatencies, invokeLatencies, endToEndLatencies);
            Map<Latencies, Consumer<String>> reads = Map.of(
                wireLatencies, id -> wire.read(wireClient, id),
                sdkLatencies, id -> {
                    GetItemResponse item = dynamoDb.getItem(GetItemRequest.builder().tableName(table)
                        .key(Keys.product(id).toAttributeMap()).consistentRead(true).build());
                    if (!item.hasItem()) {
                        throw new IllegalStateException("No item for product " + id);
                    }
                },
                invokeLatencies, id -> {
                    String response = catalog.invoke(events.get(id));
                    if (!response.contains("\"statusCode\":200")) {
                        throw new IllegalStateException("The catalog function answered " + response);
                    }
                },
                endToEndLatencies, endToEndRead);
            for (int i = 0; i < warmup + iterations; i++) {
                String id = ids.get(i % ids.size());
                for (int turn = 0; turn < order.size(); turn++) {
                    Latencies operation = order.get((i + turn) % order.size());
                    long start = System.nanoTime();
                    reads.get(operation).accept(id);
                    long nanos = System.nanoTime() - start;
                    if (i >= warmup) {
                        operation.add(nanos);
                    }
                }
            }

            double floor = wireLatencies.percentileMillis(50);
            double ratio = endToEndLatencies.percentileMillis(50) / floor;
            double sdkRatio = sdkLatencies.percentileMillis(50) / floor;
            double functionOwnMillis = invokeLatencies.percentileMillis(50) - floor;
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("benchmark", "overhead");
            result.put("date", Instant.now().toString());
            result.put("machine", BenchStack.machine());
            result.put("model", "closed loop, 1 thread, four reads of each product in rotating order (" + client
                + " client); warm-up " + warmup + ", measured " + iterations + " each");
            result.put("wire", wireLatencies.summary());
            result.put("sdk", sdkLatencies.summary());
            result.put("invoke", invokeLatencies.summary());
            result.put("endToEnd", endToEndLatencies.summary());
            result.put("p50Ratio", round(ratio));
            result.put("sdkP50Ratio", round(sdkRatio));
            result.put("functionOwnP50Ms", Math.round(functionOwnMillis * 1000) / 1000.0);
            result.put("client", client);
            String markdown = """
                ### Overhead: GET /catalog/products/{id} vs the wire-level GetItem

                %s, %s

                %s
                %s
                %s
                %s
                %s

                End-to-end p50 / wire GetItem p50 = %.2f (goal <= 2.0)
                SDK GetItem p50 / wire GetItem p50 = %.2f (the SDK's own share)
                Function's own time per request (invoke p50 - wire GetItem p50) = %.3f ms
                """.formatted(BenchStack.machine(), result.get("model"), Latencies.markdownHeader(),
                wireLatencies.markdownRow(), sdkLatencies.markdownRow(), invokeLatencies.markdownRow(),
                endToEndLatencies.markdownRow(), ratio, sdkRatio, functionOwnMillis);
            BenchStack.write("overhead-" + client, result, markdown);
        }
        System.exit(0);
    }

    private static double round(double ratio) {
        return Math.round(ratio * 100) / 100.0;
    }
}
