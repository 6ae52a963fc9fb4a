package dev.shop.local.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run command's stack keeps its data on disk: a restart finds the same users and catalog and seeds nothing twice. */
class PersistentStackTest {

    @TempDir
    Path state;

    @Test
    void restartKeepsUsersAndCatalogAndDoesNotSeedTwice() {
        StackOptions options = new StackOptions(Optional.of(state), state, 0, 0, 0, 0,
            Path.of(System.getProperty("shop.lambdas")), true);

        int firstCount;
        String productId;
        try (ShopLocal first = ShopLocal.start(options)) {
            firstCount = countProducts(first);
            productId = first.client().get("/catalog/products?limit=1").json().path("items").get(0).path("id").asText();
        }
        assertThat(Files.exists(state.resolve("dynamodb"))).isTrue();
        assertThat(Files.exists(state.resolve("identity"))).isTrue();

        try (ShopLocal second = ShopLocal.start(options)) {
            assertThat(countProducts(second)).isEqualTo(firstCount);
            assertThat(second.client().get("/catalog/products/" + productId).status()).isEqualTo(200);
            StackInfo.DemoUser shopper = second.info().users().get(1);
            String token = loginThroughTheRestartedEndpoint(second, shopper);
            assertThat(second.client().withToken(token).get("/cart").status()).isEqualTo(200);
        }
    }

    /** The password set before the restart still works: the identity provider kept its users and key. */
    private static String loginThroughTheRestartedEndpoint(ShopLocal shop, StackInfo.DemoUser user) {
        var response = dev.shop.local.testing.ApiClient.forUrl(shop.info().cognitoEndpoint())
            .withHeader("X-Amz-Target", "AWSCognitoIdentityProviderService.InitiateAuth")
            .send("POST", "/", "{\"AuthFlow\":\"USER_PASSWORD_AUTH\",\"ClientId\":\"" + shop.info().clientId()
                + "\",\"AuthParameters\":{\"USERNAME\":\"" + user.username() + "\",\"PASSWORD\":\"" + user.password() + "\"}}",
                "application/x-amz-json-1.1");
        assertThat(response.status()).isEqualTo(200);
        return response.json().path("AuthenticationResult").path("AccessToken").asText();
    }

    private static int countProducts(ShopLocal shop) {
        int count = 0;
        for (var category : shop.client().get("/catalog/categories").json().path("items")) {
            count += category.path("productCount").asInt();
        }
        return count;
    }
}
