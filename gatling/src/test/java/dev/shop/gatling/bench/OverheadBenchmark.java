package dev.shop.gatling.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.common.table.Keys;
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
 * <p>Run with {@code bin/perf-bench overhead}.
 */
public final class OverheadBenchmark {

    private OverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = Integer.getInteger("bench.warmup", 5_000);
        int iterations = Integer.getInteger("bench.iterations", 20_000);
        try (BenchStack stack = BenchStack.start(); DynamoDbClient dynamoDb = stack.dynamoDb()) {
            List<String> ids = new ArrayList<>();
            new ObjectMapper().readTree(stack.get("/catalog/products?limit=100")).path("items")
                .forEach(item -> ids.add(item.path("id").asText()));
            String table = stack.shop.info().tableName();

            Latencies raw = new Latencies("raw GetItem (DynamoDB Local, same JVM)", iterations);
            Latencies endToEnd = new Latencies("GET /catalog/products/{id} (local gateway)", iterations);
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
                stack.get("/catalog/products/" + id);
                long endToEndNanos = System.nanoTime() - start;
                if (i >= warmup) {
                    raw.add(rawNanos);
                    endToEnd.add(endToEndNanos);
                }
            }

            double ratio = endToEnd.percentileMillis(50) / raw.percentileMillis(50);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("benchmark", "overhead");
            result.put("date", Instant.now().toString());
            result.put("machine", BenchStack.machine());
            result.put("model", "closed loop, 1 thread, alternating raw/end-to-end; warm-up " + warmup + ", measured " + iterations + " each");
            result.put("raw", raw.summary());
            result.put("endToEnd", endToEnd.summary());
            result.put("p50Ratio", Math.round(ratio * 100) / 100.0);
            String markdown = """
                ### Overhead: GET /catalog/products/{id} vs raw GetItem

                %s, %s

                %s
                %s
                %s

                End-to-end p50 / raw p50 = %.2f (goal <= 2.0)
                """.formatted(BenchStack.machine(), result.get("model"), Latencies.markdownHeader(),
                raw.markdownRow(), endToEnd.markdownRow(), ratio);
            BenchStack.write("overhead", result, markdown);
        }
        System.exit(0);
    }
}
