package dev.shop.local.live;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.shop.local.client.ApiClient;
import dev.shop.local.stack.ShopLocal;
import dev.shop.local.stack.StackOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;

/**
 * Event latency at rest (docs/performance.md): the time from a checkout's
 * HTTP response (the order is committed by then) to its {@code order.placed}
 * message on the owner's open WebSocket, one order at a time; and the same
 * while {@value #LOAD_SHOPPERS} other shoppers browse and fill carts as fast as
 * the stack answers them (product list pages, product reads, cart writes), so
 * that the stream carries their cart changes too. Not part of the build:
 * {@code -Dtest=LiveLatencyBenchmark -Dshop.bench.live=true}.
 */
@EnabledIfSystemProperty(named = "shop.bench.live", matches = "true")
class LiveLatencyBenchmark {

    private static final int WARM_UP = 20;
    private static final int SAMPLES = 200;
    private static final int LOAD_SHOPPERS = 4;

    @TempDir
    Path output;

    @Test
    void commitToPushLatencyAtRest() throws Exception {
        measure("at rest", 0);
    }

    @Test
    void commitToPushLatencyUnderShopperLoad() throws Exception {
        measure("under the shopper load (" + LOAD_SHOPPERS + " shoppers)", LOAD_SHOPPERS);
    }

    private void measure(String label, int loadShoppers) throws Exception {
        try (ShopLocal shop = ShopLocal.start(StackOptions.inMemory(output, Path.of(System.getProperty("shop.lambdas"))));
             CognitoIdentityProviderClient cognito = CognitoIdentityProviderClient.builder()
                 .endpointOverride(URI.create(shop.info().cognitoEndpoint())).region(Region.US_EAST_1)
                 .credentialsProvider(AnonymousCredentialsProvider.create()).build()) {
            String email = "bench-" + UUID.randomUUID() + "@example.com";
            cognito.signUp(b -> b.clientId(shop.info().clientId()).username(email).password("Bench-Passw0rd!")
                .userAttributes(AttributeType.builder().name("email").value(email).build()));
            String token = cognito.initiateAuth(b -> b.clientId(shop.info().clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", email, "PASSWORD", "Bench-Passw0rd!"))).authenticationResult().accessToken();
            String adminToken = cognito.initiateAuth(b -> b.clientId(shop.info().clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "admin@shop.local", "PASSWORD", "Admin-Passw0rd!"))).authenticationResult().accessToken();
            ApiClient user = shop.client().withToken(token);
            ApiClient admin = shop.client().withToken(adminToken);

            List<Long> micros = new ArrayList<>();
            java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
            java.util.concurrent.atomic.AtomicLong loadRequests = new java.util.concurrent.atomic.AtomicLong();
            List<Thread> load = new ArrayList<>();
            List<String> loadProducts = new ArrayList<>();
            for (int i = 0; i < 20 && loadShoppers > 0; i++) {
                loadProducts.add(expect(201, admin.post("/catalog/products", Map.of("sku", "LOAD-" + UUID.randomUUID().toString()
                    .substring(0, 8), "name", "Load " + i, "category", "load", "priceCents", 100, "initialStock", 1_000_000)))
                    .json().path("id").asText());
            }
            for (int t = 0; t < loadShoppers; t++) {
                String shopper = "load-" + UUID.randomUUID() + "@example.com";
                cognito.signUp(b -> b.clientId(shop.info().clientId()).username(shopper).password("Bench-Passw0rd!")
                    .userAttributes(AttributeType.builder().name("email").value(shopper).build()));
                ApiClient client = shop.client().withToken(cognito.initiateAuth(b -> b.clientId(shop.info().clientId())
                    .authFlow(AuthFlowType.USER_PASSWORD_AUTH).authParameters(Map.of("USERNAME", shopper, "PASSWORD", "Bench-Passw0rd!")))
                    .authenticationResult().accessToken());
                Thread thread = new Thread(() -> {
                    for (int n = 0; running.get(); n++) {
                        String productId = loadProducts.get(n % loadProducts.size());
                        client.get("/catalog/products?category=load&limit=10");
                        client.get("/catalog/products/" + productId);
                        client.put("/cart/items/" + productId, Map.of("quantity", 1 + n % 3));
                        loadRequests.addAndGet(3);
                    }
                }, "shopper-load-" + t);
                thread.setDaemon(true);
                load.add(thread);
            }
            load.forEach(Thread::start);
            long started = System.nanoTime();
            try (LiveClient socket = LiveClient.connect(shop.info().webSocketUrl(), token)) {
                for (int i = 0; i < WARM_UP + SAMPLES; i++) {
                    Map<String, Object> product = new LinkedHashMap<>();
                    product.put("sku", "BENCH-" + UUID.randomUUID().toString().substring(0, 8));
                    product.put("name", "Bench");
                    product.put("category", "bench");
                    product.put("priceCents", 100);
                    product.put("initialStock", 10);
                    String productId = expect(201, admin.post("/catalog/products", product)).json().path("id").asText();
                    expect(200, user.put("/cart/items/" + productId, Map.of("quantity", 1)));
                    Map<String, Object> address = Map.of("name", "Ada Lovelace", "line1", "12 St James's Square", "city", "London",
                        "postalCode", "SW1Y 4JH", "country", "GB");
                    expect(201, user.withHeader("Idempotency-Key", UUID.randomUUID().toString())
                        .post("/orders", Map.of("shippingAddress", address)));
                    Instant committed = Instant.now();
                    LiveClient.TimedMessage message = socket.next(Duration.ofSeconds(10)).orElseThrow();
                    if (i >= WARM_UP) {
                        micros.add(Duration.between(committed, message.receivedAt()).toNanos() / 1_000);
                    }
                }
            } finally {
                running.set(false);
                for (Thread thread : load) {
                    thread.join();
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            micros.sort(Long::compare);
            System.out.printf("LIVE LATENCY %s: shopper load %.0f requests/s; ", label, loadRequests.get() / seconds);
            System.out.printf("order.placed, %d samples: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                micros.size(), at(micros, 0.50), at(micros, 0.95), at(micros, 0.99), micros.get(micros.size() - 1) / 1000.0);
        }
    }

    private static ApiClient.ApiResponse expect(int status, ApiClient.ApiResponse response) {
        if (response.status() != status) {
            throw new IllegalStateException("Expected " + status + ": " + response);
        }
        return response;
    }

    private static double at(List<Long> sorted, double quantile) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1)) / 1000.0;
    }
}
