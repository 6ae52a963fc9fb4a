package dev.shop.local.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.shop.common.lambda.LambdaJvm;
import dev.shop.common.table.Keys;
import dev.shop.common.table.TableProvisioner;
import dev.shop.local.dynamodb.EmbeddedDynamoDb;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Benchmark (not a test): which SDK HTTP client a Lambda should use for
 * DynamoDB: UrlConnection, Apache or the AWS CRT client. For each client it starts a fresh JVM, as a cold Lambda would, and
 * measures the time from JVM start to the first GetItem answered and the
 * classes loaded by then, then the warm GetItem latency (p50, p99, after as many warm-up calls). Run with
 * {@code bin/perf-http-client}; results are in docs/performance.md.
 */
public final class HttpClientBenchmark {

    private static final int WARM_CALLS = 3000;
    private static final int COLD_RUNS = 5;
    private static final int FUNCTION_MEMORY_MB = 1024;

    private HttpClientBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2) {
            measureInThisJvm(args[0], args[1]);
            return;
        }
        try (EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.inMemory(0)) {
            try (DynamoDbClient setup = dynamoDb.client()) {
                new TableProvisioner(setup).createIfMissing("bench");
                setup.putItem(b -> b.tableName("bench").item(Map.of(
                    "PK", AttributeValue.fromS(Keys.product("bench").pk()),
                    "SK", AttributeValue.fromS(Keys.product("bench").sk()),
                    "name", AttributeValue.fromS("Benchmark product"))));
            }
            for (String client : List.of("urlconnection", "apache", "crt")) {
                List<String> runs = new ArrayList<>();
                for (int run = 0; run < COLD_RUNS; run++) {
                    runs.add(runChild(client, dynamoDb.endpoint()));
                }
                System.out.println(client + ":");
                runs.forEach(line -> System.out.println("  " + line));
            }
        }
    }

    private static String runChild(String client, String endpoint) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // the JVM of a deployed function: its memory and the flags the CDK stack sets
        command.add("-XX:MaxRAM=" + FUNCTION_MEMORY_MB + "m");
        command.addAll(List.of(LambdaJvm.javaToolOptions(FUNCTION_MEMORY_MB).split(" ")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), HttpClientBenchmark.class.getName(), client, endpoint));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes()).strip();
        process.waitFor();
        return output.lines().filter(line -> line.startsWith("coldStartMs")).findFirst().orElse(output);
    }

    private static void measureInThisJvm(String client, String endpoint) {
        SdkHttpClient http = switch (client) {
            case "apache" -> ApacheHttpClient.builder().build();
            case "crt" -> AwsCrtHttpClient.builder().build();
            default -> UrlConnectionHttpClient.builder().build();
        };
        DynamoDbClient dynamoDb = DynamoDbClient.builder()
            .endpointOverride(URI.create(endpoint))
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(http)
            .build();
        Map<String, AttributeValue> key = Keys.product("bench").toAttributeMap();
        dynamoDb.getItem(b -> b.tableName("bench").key(key));
        long coldMs = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        long classes = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
        for (int i = 0; i < WARM_CALLS; i++) {
            dynamoDb.getItem(b -> b.tableName("bench").key(key));
        }
        long[] nanos = new long[WARM_CALLS];
        for (int i = 0; i < WARM_CALLS; i++) {
            long start = System.nanoTime();
            dynamoDb.getItem(b -> b.tableName("bench").key(key));
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("coldStartMs=%d classesLoaded=%d warmP50us=%d warmP99us=%d%n", coldMs, classes,
            nanos[nanos.length / 2] / 1000, nanos[(int) (nanos.length * 0.99)] / 1000);
    }
}
