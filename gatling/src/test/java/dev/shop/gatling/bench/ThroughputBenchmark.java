package dev.shop.gatling.bench;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.OperatingSystemMXBean;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;

/**
 * Benchmark (not a test): how many product reads per second the shop serves at a fixed concurrency, against how
 * many {@code GetItem}s DynamoDB Local serves alone, in the same JVM and run. {@code -Dbench.connections} (default
 * 8) threads each keep one connection and read products back to back, either {@code GET /catalog/products/{id}}
 * through the local gateway or the wire-level {@code GetItem} of {@link WireGetItem} (same Apache client, no SDK).
 * Phases of {@code -Dbench.seconds} (default 10) take turns, shop then raw, {@code -Dbench.rounds} times (default
 * 3) after one unmeasured phase of each, so that both sides meet the same drift of this machine's speed.
 *
 * <p>Besides requests per second it reports the JVM's CPU time per request in each phase: both sides include
 * DynamoDB Local's own work, so the difference is what the shop's gateway and function spend on a read.
 *
 * <p>Run with {@code bin/perf-bench throughput}.
 */
public final class ThroughputBenchmark {

    private ThroughputBenchmark() {
    }

    record Phase(long requests, long nanos, long cpuNanos) {

        double perSecond() {
            return requests * 1e9 / nanos;
        }

        double cpuMillisPerRequest() {
            return cpuNanos / 1e6 / requests;
        }
    }

    public static void main(String[] args) throws Exception {
        int connections = Integer.getInteger("bench.connections", 8);
        int seconds = Integer.getInteger("bench.seconds", 10);
        int rounds = Integer.getInteger("bench.rounds", 3);
        try (BenchStack stack = BenchStack.start()) {
            List<String> ids = new ArrayList<>();
            new ObjectMapper().readTree(stack.get("/catalog/products?limit=100")).path("items")
                .forEach(item -> ids.add(item.path("id").asText()));
            WireGetItem wire = new WireGetItem(stack.shop.info().dynamodbEndpoint(), stack.shop.info().region(),
                BenchStack.ACCESS_KEY, stack.shop.info().tableName(), ids);
            String apiUrl = stack.shop.info().apiUrl();
            BiConsumer<CloseableHttpClient, String> shopRead = (client, id) -> BenchStack.get(client, apiUrl + "/catalog/products/" + id);
            BiConsumer<CloseableHttpClient, String> rawRead = wire::read;

            List<CloseableHttpClient> clients = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                clients.add(HttpClients.custom().setMaxConnPerRoute(1).setMaxConnTotal(2).build());
            }
            try {
                run(clients, ids, shopRead, seconds);
                run(clients, ids, rawRead, seconds);
                List<Phase> shop = new ArrayList<>();
                List<Phase> raw = new ArrayList<>();
                for (int round = 0; round < rounds; round++) {
                    shop.add(run(clients, ids, shopRead, seconds));
                    raw.add(run(clients, ids, rawRead, seconds));
                }
                report(connections, seconds, rounds, shop, raw);
            } finally {
                for (CloseableHttpClient client : clients) {
                    client.close();
                }
            }
        }
        System.exit(0);
    }

    private static void report(int connections, int seconds, int rounds, List<Phase> shop, List<Phase> raw) {
        Phase shopTotal = total(shop);
        Phase rawTotal = total(raw);
        double ratio = shopTotal.perSecond() / rawTotal.perSecond();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("benchmark", "throughput");
        result.put("date", Instant.now().toString());
        result.put("machine", BenchStack.machine());
        result.put("model", "%d connections, closed loop, %d rounds of %d s shop then %d s raw after one unmeasured phase of each"
            .formatted(connections, rounds, seconds, seconds));
        result.put("shopPerSecond", Math.round(shopTotal.perSecond()));
        result.put("rawPerSecond", Math.round(rawTotal.perSecond()));
        result.put("shopPerSecondByRound", shop.stream().map(phase -> Math.round(phase.perSecond())).toList());
        result.put("rawPerSecondByRound", raw.stream().map(phase -> Math.round(phase.perSecond())).toList());
        result.put("ratio", Math.round(ratio * 1000) / 1000.0);
        result.put("shopCpuMsPerRequest", Math.round(shopTotal.cpuMillisPerRequest() * 1000) / 1000.0);
        result.put("rawCpuMsPerRequest", Math.round(rawTotal.cpuMillisPerRequest() * 1000) / 1000.0);
        String markdown = """
            ### Throughput: product reads vs wire-level GetItem at %d connections

            %s, %s

            | operation | requests/s | by round | JVM CPU ms per request |
            |---|---:|---|---:|
            | GET /catalog/products/{id} (local gateway) | %d | %s | %.3f |
            | wire GetItem (DynamoDB Local alone) | %d | %s | %.3f |

            Product reads / raw GetItems = %.1f %% (goal >= 40 %%)
            CPU the shop spends per read beyond DynamoDB Local's = %.3f ms
            """.formatted(connections, BenchStack.machine(), result.get("model"),
            Math.round(shopTotal.perSecond()), result.get("shopPerSecondByRound"), shopTotal.cpuMillisPerRequest(),
            Math.round(rawTotal.perSecond()), result.get("rawPerSecondByRound"), rawTotal.cpuMillisPerRequest(),
            ratio * 100, shopTotal.cpuMillisPerRequest() - rawTotal.cpuMillisPerRequest());
        BenchStack.write("throughput", result, markdown);
    }

    private static Phase total(List<Phase> phases) {
        return new Phase(phases.stream().mapToLong(Phase::requests).sum(), phases.stream().mapToLong(Phase::nanos).sum(),
            phases.stream().mapToLong(Phase::cpuNanos).sum());
    }

    /** One phase: every connection's thread reads until the deadline; the requests completed in it are counted. */
    private static Phase run(List<CloseableHttpClient> clients, List<String> ids, BiConsumer<CloseableHttpClient, String> read,
                             int seconds) throws InterruptedException {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        AtomicLong requests = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long cpuBefore = os.getProcessCpuTime();
        long start = System.nanoTime();
        long deadline = start + seconds * 1_000_000_000L;
        for (int i = 0; i < clients.size(); i++) {
            CloseableHttpClient client = clients.get(i);
            int offset = i * 7;
            Thread thread = new Thread(() -> {
                for (int n = offset; System.nanoTime() < deadline; n++) {
                    read.accept(client, ids.get(n % ids.size()));
                    requests.incrementAndGet();
                }
            }, "throughput-" + i);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Phase(requests.get(), System.nanoTime() - start, os.getProcessCpuTime() - cpuBefore);
    }
}
