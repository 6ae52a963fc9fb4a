package dev.shop.gatling.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Nanosecond samples of one measured operation, summarised in milliseconds. */
final class Latencies {

    private final String name;
    private final long[] samples;
    private int count;

    Latencies(String name, int capacity) {
        this.name = name;
        this.samples = new long[capacity];
    }

    void add(long nanos) {
        samples[count++] = nanos;
    }

    String name() {
        return name;
    }

    double percentileMillis(double percentile) {
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, index))] / 1_000_000.0;
    }

    Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("name", name);
        summary.put("samples", count);
        summary.put("p50Ms", round(percentileMillis(50)));
        summary.put("p90Ms", round(percentileMillis(90)));
        summary.put("p99Ms", round(percentileMillis(99)));
        summary.put("maxMs", round(percentileMillis(100)));
        summary.put("meanMs", round(Arrays.stream(samples, 0, count).average().orElse(0) / 1_000_000.0));
        return summary;
    }

    String markdownRow() {
        return "| %s | %d | %.3f | %.3f | %.3f | %.3f |".formatted(name, count, percentileMillis(50), percentileMillis(90),
            percentileMillis(99), percentileMillis(100));
    }

    static String markdownHeader() {
        return "| operation | samples | p50 ms | p90 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|";
    }

    private static double round(double millis) {
        return Math.round(millis * 1000) / 1000.0;
    }
}
