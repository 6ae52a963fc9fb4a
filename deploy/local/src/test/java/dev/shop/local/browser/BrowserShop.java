package dev.shop.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shop.local.client.ApiClient;
import dev.shop.local.client.ApiClient.ApiResponse;
import dev.shop.local.stack.ShopLocal;
import dev.shop.local.stack.StackInfo;
import dev.shop.local.stack.StackOptions;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;

/**
 * The real in-memory local stack the browser tests run against, started once
 * for all of them (it takes seconds), with the setup a test needs done the way
 * any client does it: accounts through Cognito's public calls, products
 * through the API as the demo admin.
 */
final class BrowserShop {

    static final String PASSWORD = "Browser-Passw0rd!";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static BrowserShop instance;

    private final ShopLocal shop;
    private final CognitoIdentityProviderClient cognito;

    private BrowserShop(ShopLocal shop) {
        this.shop = shop;
        this.cognito = CognitoIdentityProviderClient.builder()
            .endpointOverride(URI.create(shop.info().cognitoEndpoint()))
            .region(Region.US_EAST_1)
            .credentialsProvider(AnonymousCredentialsProvider.create())
            .build();
    }

    static synchronized BrowserShop get() {
        if (instance == null) {
            try {
                Path output = Files.createTempDirectory("shop-browser-stack");
                ShopLocal shop = ShopLocal.start(StackOptions.inMemory(output, Path.of(System.getProperty("shop.lambdas"))));
                instance = new BrowserShop(shop);
                Runtime.getRuntime().addShutdownHook(new Thread(shop::close, "browser-shop-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    StackInfo info() {
        return shop.info();
    }

    /** The local WebSocket API the storefront's live connection goes to, for tests that drop it. */
    dev.shop.local.live.LocalWebSocketApi webSockets() {
        return shop.live().webSocketApi();
    }

    String storefrontUrl() {
        return shop.info().storefrontUrl();
    }

    StackInfo.DemoUser demoAdmin() {
        return shop.info().users().stream().filter(u -> u.groups().contains("admin")).findFirst().orElseThrow();
    }

    ApiClient admin() {
        StackInfo.DemoUser admin = demoAdmin();
        return shop.client().withToken(token(admin.username(), admin.password()));
    }

    /** A new shopper account, signed up as the storefront signs one up. */
    Shopper newShopper() {
        String email = "shopper-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        cognito.signUp(r -> r.clientId(shop.info().clientId()).username(email).password(PASSWORD)
            .userAttributes(AttributeType.builder().name("email").value(email).build()));
        return new Shopper(email, shop.client().withToken(token(email, PASSWORD)));
    }

    String token(String username, String password) {
        return cognito.initiateAuth(r -> r.clientId(shop.info().clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
            .authParameters(Map.of("USERNAME", username, "PASSWORD", password))).authenticationResult().accessToken();
    }

    /** A fresh category slug, so that a test's products are the only ones it sees there. */
    static String newCategory() {
        return "test-" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 4)
            + UUID.randomUUID().toString().substring(0, 4);
    }

    /** The name the catalog gives a category: its slug's words, capitalised. */
    static String categoryName(String slug) {
        return Arrays.stream(slug.split("-"))
            .map(word -> word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1))
            .collect(Collectors.joining(" "));
    }

    JsonNode newProduct(String category, String name, long priceCents, long stock) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sku", "BT-" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6));
        body.put("name", name);
        body.put("description", "Made for the browser tests.");
        body.put("category", category);
        body.put("priceCents", priceCents);
        body.put("initialStock", stock);
        ApiResponse created = admin().post("/catalog/products", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    record Shopper(String email, ApiClient api) {

        void putInCart(String productId, int quantity) {
            ApiResponse response = api.put("/cart/items/" + productId, Map.of("quantity", quantity));
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
        }

        JsonNode placeOrder() {
            ApiResponse response = api.withHeader("Idempotency-Key", UUID.randomUUID().toString())
                .post("/orders", Map.of("shippingAddress", Map.of("name", "Ada Shopper", "line1", "1 Test Street",
                    "city", "Lisbon", "postalCode", "1000-001", "country", "PT")));
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
            return response.json();
        }
    }
}
