package dev.shop.gatling.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Benchmark (not a test): does the table's size change the cost of a read? With the in-memory local
 * stack in this JVM, the catalog is grown to {@code -Dbench.small} products (default 1,000), a product
 * read and a category page are timed, then it is grown to {@code -Dbench.large} (default 100,000,
 * all in the same category, so the category page reads the biggest partition there is) and both are
 * timed again. One thread, closed loop, {@code System.nanoTime()} around each HTTP call.
 *
 * <p>Run with {@code bin/perf-bench scale}.
 */
public final class ScaleBenchmark {

    private static final String CATEGORY = "bulk";

    private ScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int small = Integer.getInteger("bench.small", 1_000);
        int large = Integer.getInteger("bench.large", 100_000);
        int warmup = Integer.getInteger("bench.warmup", 3_000);
        int iterations = Integer.getInteger("bench.iterations", 10_000);
        try (BenchStack stack = BenchStack.start(); DynamoDbClient dynamoDb = stack.dynamoDb()) {
            BulkProducts bulk = new BulkProducts(dynamoDb, stack.shop.info().tableName());
            int seeded = countProducts(stack);
            List<String> ids = new ArrayList<>();
            Map<String, Object> result = new LinkedHashMap<>();
            StringBuilder markdown = new StringBuilder("### Scale: %d vs %d products\n\n%s; one thread, closed loop, warm-up %d, measured %d per operation\n\n"
                .formatted(small, large, BenchStack.machine(), warmup, iterations));

            long loadStart = System.nanoTime();
            ids.addAll(bulk.load(CATEGORY, 0, small - seeded));
            long smallLoadSeconds = (System.nanoTime() - loadStart) / 1_000_000_000;
            Map<String, Latencies> atSmall = measure(stack, ids, warmup, iterations, small);

            loadStart = System.nanoTime();
            ids.addAll(bulk.load(CATEGORY, small - seeded, large - small));
            long largeLoadSeconds = (System.nanoTime() - loadStart) / 1_000_000_000;
            Map<String, Latencies> atLarge = measure(stack, ids, warmup, iterations, large);

            markdown.append(Latencies.markdownHeader()).append('\n');
            atSmall.values().forEach(latencies -> markdown.append(latencies.markdownRow()).append('\n'));
            atLarge.values().forEach(latencies -> markdown.append(latencies.markdownRow()).append('\n'));
            markdown.append('\n');
            Map<String, Object> ratios = new LinkedHashMap<>();
            for (String operation : atSmall.keySet()) {
                double ratio = atLarge.get(operation).percentileMillis(50) / atSmall.get(operation).percentileMillis(50);
                ratios.put(operation, Math.round(ratio * 100) / 100.0);
                markdown.append("p50 at %d / p50 at %d, %s: %.2f (goal <= 1.25)\n".formatted(large, small, operation, ratio));
            }
            markdown.append("\nBulk load: %d products in %d s, then %d more in %d s (BatchWriteItem, 2 threads)\n"
                .formatted(small - seeded, smallLoadSeconds, large - small, largeLoadSeconds));

            result.put("benchmark", "scale");
            result.put("date", Instant.now().toString());
            result.put("machine", BenchStack.machine());
            result.put("small", atSmall.values().stream().map(Latencies::summary).toList());
            result.put("large", atLarge.values().stream().map(Latencies::summary).toList());
            result.put("p50Ratios", ratios);
            result.put("loadSeconds", Map.of("small", smallLoadSeconds, "large", largeLoadSeconds));
            BenchStack.write("scale", result, markdown.toString());
        }
        System.exit(0);
    }

    private static Map<String, Latencies> measure(BenchStack stack, List<String> ids, int warmup, int iterations, int tableSize) {
        Latencies read = new Latencies("GET /catalog/products/{id} @ " + tableSize, iterations);
        Latencies page = new Latencies("GET /catalog/products?category=" + CATEGORY + "&limit=20 @ " + tableSize, iterations);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < warmup + iterations; i++) {
            String id = ids.get(random.nextInt(ids.size()));
            long start = System.nanoTime();
            stack.get("/catalog/products/" + id);
            long readNanos = System.nanoTime() - start;
            start = System.nanoTime();
            stack.get("/catalog/products?category=" + CATEGORY + "&limit=20");
            long pageNanos = System.nanoTime() - start;
            if (i >= warmup) {
                read.add(readNanos);
                page.add(pageNanos);
            }
        }
        Map<String, Latencies> byOperation = new LinkedHashMap<>();
        byOperation.put("product read", read);
        byOperation.put("category page", page);
        return byOperation;
    }

    private static int countProducts(BenchStack stack) throws Exception {
        ObjectMapper json = new ObjectMapper();
        int count = 0;
        String cursor = null;
        do {
            var page = json.readTree(stack.get("/catalog/products?limit=100"
                + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8))));
            count += page.path("items").size();
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return count;
    }
}
