package dev.shop.gatling.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.common.table.Keys;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.util.EntityUtils;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Benchmark (not a test): what the shop adds on top of DynamoDB for its simplest read. In one JVM
 * with the in-memory local stack, one thread alternates a raw {@code GetItem} of a product on
 * DynamoDB Local with {@code GET /catalog/products/{id}} of the same product through the local
 * gateway (HTTP, JWT-free route, payload 2.0 event, Micronaut, the same GetItem, JSON back), each
 * timed with {@code System.nanoTime()}. Alternating keeps both sides under the same JIT, GC and CPU
 * conditions. Iterations: {@code -Dbench.warmup} (default 5000) then {@code -Dbench.iterations} (default 20000).
 *
 * <p>The end-to-end read's client is {@code -Dbench.client}: {@code apache} (the default), Apache
 * HttpClient 4, the blocking keep-alive HTTP/1.1 client that the SDK's raw {@code GetItem} runs on
 * too (the very copy the SDK's apache-client brings, not a version of its own), so that both sides of
 * the ratio pay the same client; or {@code jdk}, the JDK's
 * {@code java.net.http.HttpClient}, whose asynchronous design hands every exchange between threads
 * and adds its own cost on this 2-core machine. One client per run: a read timed right after another
 * read through the gateway meets its threads already awake and would be flattered.
 *
 * <p>Run with {@code bin/perf-bench overhead}.
 */
public final class OverheadBenchmark {

    private OverheadBenchmark() {
    }

    /** A GET on a kept-alive connection; fails on any status but 200 so an error never passes as a fast sample. */
    private static void get(CloseableHttpClient client, String url) {
        try (CloseableHttpResponse response = client.execute(new HttpGet(url))) {
            String body = EntityUtils.toString(response.getEntity());
            if (response.getStatusLine().getStatusCode() != 200) {
                throw new IllegalStateException("GET " + url + " answered " + response.getStatusLine() + ": " + body);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) throws Exception {
        int warmup = Integer.getInteger("bench.warmup", 5_000);
        int iterations = Integer.getInteger("bench.iterations", 20_000);
        try (BenchStack stack = BenchStack.start(); DynamoDbClient dynamoDb = stack.dynamoDb()) {
            List<String> ids = new ArrayList<>();
            new ObjectMapper().readTree(stack.get("/catalog/products?limit=100")).path("items")
                .forEach(item -> ids.add(item.path("id").asText()));
            String table = stack.shop.info().tableName();

            String client = System.getProperty("bench.client", "apache");
            Latencies raw = new Latencies("raw GetItem (DynamoDB Local, same JVM)", iterations);
            Latencies endToEnd = new Latencies("GET /catalog/products/{id} (local gateway, " + client + " client)", iterations);
            try (CloseableHttpClient apache = HttpClients.createDefault()) {
                String apiUrl = stack.shop.info().apiUrl();
                Consumer<String> read = switch (client) {
                    case "apache" -> id -> get(apache, apiUrl + "/catalog/products/" + id);
                    case "jdk" -> id -> stack.get("/catalog/products/" + id);
                    default -> throw new IllegalArgumentException("bench.client is apache or jdk, not " + client);
                };
                for (int i = 0; i < warmup + iterations; i++) {
                    String id = ids.get(i % ids.size());
                    GetItemRequest request = GetItemRequest.builder().tableName(table)
                        .key(Keys.product(id).toAttributeMap()).consistentRead(true).build();
                    long start = System.nanoTime();
                    GetItemResponse item = dynamoDb.getItem(request);
                    long rawNanos = System.nanoTime() - start;
                    if (!item.hasItem()) {
                        throw new IllegalStateException("No item for product " + id);
                    }
                    start = System.nanoTime();
                    read.accept(id);
                    long endToEndNanos = System.nanoTime() - start;
                    if (i >= warmup) {
                        raw.add(rawNanos);
                        endToEnd.add(endToEndNanos);
                    }
                }
            }

            double ratio = endToEnd.percentileMillis(50) / raw.percentileMillis(50);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("benchmark", "overhead");
            result.put("date", Instant.now().toString());
            result.put("machine", BenchStack.machine());
            result.put("model", "closed loop, 1 thread, alternating raw/end-to-end (" + client + " client); warm-up " + warmup + ", measured " + iterations + " each");
            result.put("raw", raw.summary());
            result.put("endToEnd", endToEnd.summary());
            result.put("p50Ratio", Math.round(ratio * 100) / 100.0);
            result.put("client", client);
            String markdown = """
                ### Overhead: GET /catalog/products/{id} vs raw GetItem

                %s, %s

                %s
                %s
                %s

                End-to-end p50 / raw p50 = %.2f (goal <= 2.0)
                """.formatted(BenchStack.machine(), result.get("model"), Latencies.markdownHeader(),
                raw.markdownRow(), endToEnd.markdownRow(), ratio);
            BenchStack.write("overhead-" + client, result, markdown);
        }
        System.exit(0);
    }
}
