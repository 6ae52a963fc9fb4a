package dev.shop.gatling.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.common.config.ShopSettings;
import dev.shop.common.lambda.LambdaJvm;
import dev.shop.common.logging.LogFields;
import dev.shop.common.routes.Service;
import dev.shop.local.lambda.LambdaFunction;

/**
 * Benchmark (not a test): the cold start of each service's Lambda jar, from JVM start to the first
 * handled payload 2.0 event, where that event's request reads DynamoDB. The in-memory local stack in
 * this JVM provides DynamoDB Local; each sample is a fresh {@code java} process running
 * {@link ColdStartProbe}, configured through the environment variables the CDK stack sets on Lambda,
 * timed here from just before the process is started to the moment it reports the response.
 *
 * <p>Lambda unpacks a function's zip into {@code /var/task} and puts that directory on the class
 * path; the variants run the jar that way ("unpacked") and, for comparison, as a packed jar on the
 * class path. The probe's own class is copied to a directory of its own, so that no test resource
 * (a {@code logback-test.xml}) is on the probe's class path: the service starts with the logging it
 * has on Lambda.
 *
 * <p>Every probe runs with {@code -XX:MaxRAM} set to the function's memory ({@code -Dbench.memoryMb},
 * default 1024 as the CDK stack deploys it), so its heap is sized as on Lambda. Variants of JVM flags
 * take turns sample by sample, {@code -Dbench.samples} (default 5) each, the median reported; the last
 * variant runs the flags the CDK stack deploys ({@link LambdaJvm}). Run with {@code bin/perf-bench coldstart}.
 *
 * <p>Before/after comparisons of packages: {@code -Dbench.jarSets=before=/dir/a,after=/dir/b} (each directory holds
 * {@code <service>.zip}, as {@code gatling/target/lambdas} does) runs each jar set unpacked with the deployed flags,
 * the sets taking turns sample by sample; {@code -Dbench.services=catalog-service} limits the services measured.
 *
 * <p>The floor: with the catalog service, the minimal Micronaut function of module {@code floor-function} (one
 * route, one SDK {@code GetItem} over the CRT client, no security, no validation, no Enhanced Client, packaged
 * untrimmed) takes its turn among the variants with the deployed flags, handling the same event; the benchmark prints
 * each deployed-flags catalog variant's median over the floor's, against the goal of issue 20 (at most 0.8).
 * {@code -Dbench.floor=false} leaves it out.
 */
public final class ColdStartBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ColdStartBenchmark() {
    }

    /** JVM flags, packed or unpacked, and which package: the service's in {@code lambdas}, or {@code module}'s if set. */
    record Variant(String name, List<String> flags, boolean unpacked, Path lambdas, String module) {

        Variant(String name, List<String> flags, boolean unpacked, Path lambdas) {
            this(name, flags, unpacked, lambdas, null);
        }

        Path jar(Service service) {
            return module == null ? service.lambdaPackage(lambdas) : lambdas.resolve(module + ".zip");
        }
    }

    /** The minimal function the catalog function is compared with (module floor-function), copied next to the services' packages. */
    static final String FLOOR = "floor-function";
    /** Goal of issue 20: the catalog function's cold start at most this fraction of the floor function's. */
    static final double FLOOR_GOAL = 0.8;

    record Sample(long wallMillis, long initMillis, long invokeMillis, String status) {
    }

    public static void main(String[] args) throws Exception {
        int samples = Integer.getInteger("bench.samples", 5);
        Path lambdas = Path.of(System.getProperty("shop.lambdas", "gatling/target/lambdas")).toAbsolutePath();
        Path work = Path.of(System.getProperty("shop.perfOutput", "gatling/target/perf")).resolve("coldstart").toAbsolutePath();
        Files.createDirectories(work);
        String probeClassPath = probeClassPath(work.resolve("probe"));

        try (BenchStack stack = BenchStack.start()) {
            var info = stack.shop.info();
            String productId = JSON.readTree(stack.get("/catalog/products?limit=1")).path("items").get(0).path("id").asText();
            // The probes' requests should meet DynamoDB Local warm, as they would meet DynamoDB: its GetItem
            // and Query paths are run hot first, then this JVM's compiler threads are given time to go quiet,
            // so that they do not share the 2 cores with the process being timed.
            int warmup = Integer.getInteger("bench.warmup", 2000);
            for (int i = 0; i < warmup; i++) {
                stack.get("/catalog/products/" + productId);
                stack.get("/catalog/products?limit=20");
            }
            Thread.sleep(Long.getLong("bench.settleMillis", 10_000));
            Map<String, String> env = new LinkedHashMap<>();
            env.put(ShopSettings.TABLE_NAME.environmentVariable(), info.tableName());
            env.put(ShopSettings.AUTH_ISSUER.environmentVariable(), info.issuer());
            env.put(ShopSettings.AUTH_CLIENT_ID.environmentVariable(), info.clientId());
            env.put(ShopSettings.CURSOR_SECRET.environmentVariable(), "cold-start-benchmark-cursor-secret-0123456789");
            env.put(ShopSettings.DYNAMODB_ENDPOINT.environmentVariable(), info.dynamodbEndpoint());
            // JSON log lines, as the CDK stack deploys every function (docs/operations.md)
            env.put(LogFields.FORMAT_VARIABLE, "json");
            env.put("AWS_REGION", info.region());
            env.put("AWS_ACCESS_KEY_ID", "local");
            env.put("AWS_SECRET_ACCESS_KEY", "local");

            Map<Service, String> events = new EnumMap<>(Service.class);
            events.put(Service.CATALOG, PayloadEvents.event("GET", "/catalog/products/" + productId, null));
            events.put(Service.CART, PayloadEvents.event("GET", "/cart", UUID.randomUUID().toString()));
            events.put(Service.ORDERS, PayloadEvents.event("GET", "/orders", UUID.randomUUID().toString()));

            // A function's JVM sizes its heap from the function's memory (the CDK stack's default, 1024 MB),
            // not from this machine's 24 GiB: the probes see the same memory, so they collect as often as on Lambda.
            int memoryMb = Integer.getInteger("bench.memoryMb", 1024);
            String memory = "-XX:MaxRAM=" + memoryMb + "m";
            List<String> c1Serial = List.of(memory, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
            String deployed = LambdaJvm.javaToolOptions(memoryMb);
            List<String> deployedFlags = new ArrayList<>(List.of(memory));
            deployedFlags.addAll(List.of(deployed.split(" ")));
            List<Variant> variants = new ArrayList<>();
            String jarSets = System.getProperty("bench.jarSets", "");
            if (jarSets.isBlank()) {
                variants.add(new Variant("packed jar, default JVM flags", List.of(memory), false, lambdas));
                variants.add(new Variant("unpacked (as Lambda runs it), default JVM flags", List.of(memory), true, lambdas));
                variants.add(new Variant("unpacked, -XX:TieredStopAtLevel=1 -XX:+UseSerialGC", c1Serial, true, lambdas));
                variants.add(new Variant("unpacked, `" + deployed + "` (the CDK stack's flags)", deployedFlags, true, lambdas));
            } else {
                for (String set : jarSets.split(",")) {
                    String[] labelAndDir = set.split("=", 2);
                    variants.add(new Variant(labelAndDir[0] + ", unpacked, the CDK stack's flags", deployedFlags, true,
                        Path.of(labelAndDir[1]).toAbsolutePath()));
                }
            }
            List<String> services = List.of(System.getProperty("bench.services", "").split(","));
            events.keySet().removeIf(service -> !services.equals(List.of("")) && !services.contains(service.moduleName()));

            Map<String, Object> result = new LinkedHashMap<>();
            StringBuilder markdown = new StringBuilder("### Cold start: JVM start to first handled event (median of %d)\n\n%s\n\n"
                .formatted(samples, BenchStack.machine()));
            markdown.append("| service | variant | median ms | min ms | max ms | init ms (median) | first invoke ms (median) | status |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---|\n");
            List<Map<String, Object>> rows = new ArrayList<>();
            StringBuilder ratios = new StringBuilder();
            for (var service : events.entrySet()) {
                String name = service.getKey().moduleName();
                List<Variant> serviceVariants = new ArrayList<>(variants);
                Variant floor = new Variant("floor: minimal Micronaut payload 2.0 function, one SDK GetItem, untrimmed, unpacked, the CDK stack's flags",
                    deployedFlags, true, lambdas, FLOOR);
                boolean withFloor = service.getKey() == Service.CATALOG && Boolean.parseBoolean(System.getProperty("bench.floor", "true"));
                if (withFloor && !Files.exists(floor.jar(service.getKey()))) {
                    System.out.println("No " + floor.jar(service.getKey()) + ": the floor comparison is left out");
                    withFloor = false;
                }
                if (withFloor) {
                    serviceVariants.add(floor);
                }
                Map<Variant, Path> tasks = new LinkedHashMap<>();
                for (int v = 0; v < serviceVariants.size(); v++) {
                    Variant variant = serviceVariants.get(v);
                    Path jar = variant.jar(service.getKey());
                    tasks.put(variant, variant.unpacked() ? unpack(jar, work.resolve(name + "-task-" + v)) : jar);
                }
                Path eventFile = work.resolve(name + "-event.json");
                Files.writeString(eventFile, service.getValue());
                // the variants take turns sample by sample (A, B, C, A, B, C, ...), so that the machine's drift
                // within the run falls on all of them alike
                Map<Variant, List<Sample>> samplesOf = new LinkedHashMap<>();
                for (Variant variant : serviceVariants) {
                    run(variant.flags(), tasks.get(variant) + File.pathSeparator + probeClassPath, eventFile, env); // warms the page cache
                    samplesOf.put(variant, new ArrayList<>());
                }
                for (int i = 0; i < samples; i++) {
                    for (Variant variant : serviceVariants) {
                        samplesOf.get(variant).add(run(variant.flags(), tasks.get(variant) + File.pathSeparator + probeClassPath, eventFile, env));
                    }
                }
                for (Variant variant : serviceVariants) {
                    List<Sample> measured = samplesOf.get(variant);
                    long[] wall = measured.stream().mapToLong(Sample::wallMillis).sorted().toArray();
                    long[] init = measured.stream().mapToLong(Sample::initMillis).sorted().toArray();
                    long[] invoke = measured.stream().mapToLong(Sample::invokeMillis).sorted().toArray();
                    String statuses = String.join(",", measured.stream().map(Sample::status).distinct().toList());
                    markdown.append("| %s | %s | %d | %d | %d | %d | %d | %s |\n".formatted(name, variant.name(),
                        median(wall), wall[0], wall[wall.length - 1], median(init), median(invoke), statuses));
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("service", name);
                    row.put("variant", variant.name());
                    row.put("medianMs", median(wall));
                    row.put("samplesMs", Arrays.stream(wall).boxed().toList());
                    row.put("initMedianMs", median(init));
                    row.put("invokeMedianMs", median(invoke));
                    row.put("status", statuses);
                    rows.add(row);
                    System.out.println(row);
                }
                if (withFloor) {
                    long floorMedian = median(samplesOf.get(floor).stream().mapToLong(Sample::wallMillis).sorted().toArray());
                    for (Variant variant : variants) {
                        if (variant.flags().equals(deployedFlags)) {
                            long shopMedian = median(samplesOf.get(variant).stream().mapToLong(Sample::wallMillis).sorted().toArray());
                            double ratio = (double) shopMedian / floorMedian;
                            String line = "%s (%s) / floor function: %d / %d ms = %.2f (goal <= %.1f: %s)".formatted(name, variant.name(),
                                shopMedian, floorMedian, ratio, FLOOR_GOAL, ratio <= FLOOR_GOAL ? "met" : "not met");
                            ratios.append(line).append("\n\n");
                            System.out.println(line);
                            result.put("floorRatio " + variant.name(), Math.round(ratio * 1000) / 1000.0);
                        }
                    }
                }
            }
            markdown.append('\n').append(ratios);
            result.put("benchmark", "coldstart");
            result.put("date", Instant.now().toString());
            result.put("machine", BenchStack.machine());
            result.put("rows", rows);
            BenchStack.write("coldstart", result, markdown.toString());
        }
        System.exit(0);
    }

    private static Sample run(List<String> flags, String classPath, Path eventFile, Map<String, String> env) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.addAll(List.of("-cp", classPath, ColdStartProbe.class.getName(), eventFile.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        String handled = null;
        StringBuilder output = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (handled == null && line.startsWith("HANDLED ")) {
                    handled = line;
                    long wall = (System.nanoTime() - start) / 1_000_000;
                    String[] parts = line.split(" ");
                    drain(out, output);
                    process.waitFor();
                    return new Sample(wall, Long.parseLong(parts[2]), Long.parseLong(parts[3]), parts[1]);
                }
                output.append(line).append('\n');
            }
        }
        process.waitFor();
        throw new IllegalStateException("The probe did not handle its event (exit " + process.exitValue() + "):\n" + output);
    }

    private static void drain(BufferedReader out, StringBuilder output) throws Exception {
        String line;
        while ((line = out.readLine()) != null) {
            output.append(line).append('\n');
        }
    }

    /** The runtime's serializers, the local kit's function loader and the probe's class alone; the service goes first, as on Lambda. */
    private static String probeClassPath(Path probeClasses) throws Exception {
        String probeClass = ColdStartProbe.class.getName().replace('.', '/') + ".class";
        Path copy = probeClasses.resolve(probeClass);
        Files.createDirectories(copy.getParent());
        try (var in = ColdStartProbe.class.getClassLoader().getResourceAsStream(probeClass)) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        String localKit = Path.of(LambdaFunction.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        String serialization = Path.of(com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers.class
            .getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        return String.join(File.pathSeparator, serialization, localKit, probeClasses.toString());
    }

    /** The function's zip unpacked into a directory, as Lambda unpacks it into /var/task. */
    private static Path unpack(Path zip, Path target) throws Exception {
        if (Files.exists(target)) {
            try (var paths = Files.walk(target)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        Files.createDirectories(target);
        try (var zipFile = new ZipFile(zip.toFile())) {
            for (var entries = zipFile.entries(); entries.hasMoreElements(); ) {
                var entry = entries.nextElement();
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IllegalStateException("Zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    try (var in = zipFile.getInputStream(entry)) {
                        Files.copy(in, out);
                    }
                }
            }
        }
        return target;
    }

    private static long median(long[] sorted) {
        return sorted[sorted.length / 2];
    }
}
