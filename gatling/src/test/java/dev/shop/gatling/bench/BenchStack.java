package dev.shop.gatling.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.shop.local.stack.ShopLocal;
import dev.shop.local.stack.StackOptions;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.util.EntityUtils;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the benchmark mains share: the in-memory local stack in this JVM, an HTTP client timed with
 * {@link System#nanoTime()}, a DynamoDB client for the raw baseline (on Apache's HTTP client, the
 * library the overhead benchmark's end-to-end reads are timed with, so that both sides pay the same
 * client; the services use the CRT client), and writing results next to each other under
 * {@code target/perf/}.
 */
final class BenchStack implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    final ShopLocal shop;
    final HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();

    private BenchStack(ShopLocal shop) {
        this.shop = shop;
    }

    /** The access key the benchmarks' DynamoDB clients use: DynamoDB Local keeps one database per key and region. */
    static final String ACCESS_KEY = "local";

    static Path lambdas() {
        return Path.of(System.getProperty("shop.lambdas", "gatling/target/lambdas"));
    }

    static BenchStack start() {
        Path lambdas = lambdas();
        Path output = Path.of(System.getProperty("shop.stackOutput", "gatling/target/perf-stack"));
        return new BenchStack(ShopLocal.start(StackOptions.inMemory(output, lambdas)));
    }

    DynamoDbClient dynamoDb() {
        return DynamoDbClient.builder()
            .endpointOverride(URI.create(shop.info().dynamodbEndpoint()))
            .region(Region.of(shop.info().region()))
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, "local")))
            .httpClientBuilder(ApacheHttpClient.builder())
            .build();
    }

    /** A GET through the local gateway; fails on any status but 200 so an error never passes as a fast sample. */
    String get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(shop.info().apiUrl() + path)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET on a kept-alive connection; fails on any status but 200 so an error never passes as a fast sample. */
    static void get(CloseableHttpClient client, String url) {
        try (CloseableHttpResponse response = client.execute(new HttpGet(url))) {
            String body = EntityUtils.toString(response.getEntity());
            if (response.getStatusLine().getStatusCode() != 200) {
                throw new IllegalStateException("GET " + url + " answered " + response.getStatusLine() + ": " + body);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(String name, Map<String, Object> result, String markdown) {
        Path dir = Path.of(System.getProperty("shop.perfOutput", "gatling/target/perf"));
        try {
            Files.createDirectories(dir);
            JSON.writeValue(dir.resolve(name + ".json").toFile(), result);
            Files.writeString(dir.resolve(name + ".md"), markdown);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println(markdown);
        System.out.println("Written to " + dir.toAbsolutePath().resolve(name + ".{json,md}"));
    }

    static String machine() {
        return "%d cores, %d MiB max heap, %s %s".formatted(Runtime.getRuntime().availableProcessors(),
            Runtime.getRuntime().maxMemory() / (1024 * 1024), System.getProperty("java.vm.name"), System.getProperty("java.version"));
    }

    @Override
    public void close() {
        shop.close();
    }
}
