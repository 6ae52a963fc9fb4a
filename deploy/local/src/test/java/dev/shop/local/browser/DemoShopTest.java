package dev.shop.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shop.local.client.ApiClient;
import dev.shop.local.stack.ShopLocal;
import dev.shop.local.stack.StackInfo;
import dev.shop.local.stack.StackOptions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;

/**
 * The shop exactly as `bin/shop-local` starts it, with nothing but the demo
 * data: the demo catalog's categories and images show, the demo shopper can
 * order, and the demo admin sees the order in the back office. The pictures it
 * takes on the way (target/screenshots) are the README's.
 */
class DemoShopTest {

    private static final Path SCREENSHOTS = ShopperJourneysTest.SCREENSHOTS;

    @Test
    void theDemoShopShowsItsCatalogAndTheAdminSeesTheDemoShoppersOrder() throws Exception {
        Path output = Files.createTempDirectory("shop-demo-stack");
        try (ShopLocal shop = ShopLocal.start(StackOptions.inMemory(output, Path.of(System.getProperty("shop.lambdas"))));
             Browser browser = Browser.open(shop.info().storefrontUrl())) {
            StackInfo.DemoUser admin = shop.info().users().get(0);
            StackInfo.DemoUser shopper = shop.info().users().get(1);

            browser.visit("#/");
            browser.heading("All products");
            assertThat(browser.sees("Toys Games (9)")).contains("Kitchen (10)", "Books (9)", "only 1 left");
            browser.screenshot(SCREENSHOTS.resolve("demo-storefront.png"));

            browser.click(browser.linkContaining("Kitchen ("));
            browser.click(browser.link("Enameled Dutch Oven, 5 qt"));
            browser.sees("only 4 left");
            browser.screenshot(SCREENSHOTS.resolve("demo-product.png"));

            ApiClient shopperApi = shop.client().withToken(token(shop.info(), shopper.username(), shopper.password()));
            JsonNode oven = null;
            for (JsonNode product : shopperApi.get("/catalog/products?category=kitchen&limit=100").json().path("items")) {
                oven = product.path("sku").asText().equals("KIT-DUTCH-OVEN-5Q") ? product : oven;
            }
            assertThat(oven).as("the demo catalog's Dutch oven").isNotNull();
            assertThat(shopperApi.put("/cart/items/" + oven.path("id").asText(), Map.of("quantity", 1)).status()).isEqualTo(200);
            assertThat(shopperApi.withHeader("Idempotency-Key", UUID.randomUUID().toString()).post("/orders",
                Map.of("shippingAddress", Map.of("name", "Sam Shopper", "line1", "12 Market Street", "city", "Porto",
                    "postalCode", "4000-001", "country", "PT"))).status()).isEqualTo(201);

            browser.signIn(admin.username(), admin.password());
            browser.visit("#/admin/orders?status=PLACED");
            browser.heading("Orders: PLACED");
            browser.sees("Sam Shopper");
            browser.screenshot(SCREENSHOTS.resolve("demo-back-office.png"));

            browser.resize(390, 844);
            browser.visit("#/cart");
            browser.heading("Your cart");
            browser.visit("#/product/" + oven.path("id").asText());
            browser.sees("Add to cart");
            browser.screenshot(SCREENSHOTS.resolve("demo-phone.png"));
        }
    }

    private static String token(StackInfo info, String username, String password) {
        try (CognitoIdentityProviderClient cognito = CognitoIdentityProviderClient.builder()
            .endpointOverride(URI.create(info.cognitoEndpoint()))
            .region(Region.US_EAST_1)
            .credentialsProvider(AnonymousCredentialsProvider.create())
            .build()) {
            return cognito.initiateAuth(r -> r.clientId(info.clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", password))).authenticationResult().accessToken();
        }
    }
}
