package dev.shop.local.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.local.testing.ApiClient;
import dev.shop.local.testing.ApiClient.ApiResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;

/**
 * The local stack as the README's run command starts it, from the three real
 * Lambda jars, driven as a client would drive it: tokens from the Cognito
 * endpoint through the AWS SDK, then calls to the API on the local gateway.
 */
class LocalStackTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path output;

    private static ShopLocal shop;
    private static CognitoIdentityProviderClient cognito;

    @BeforeAll
    static void start() {
        shop = ShopLocal.start(StackOptions.inMemory(output, Path.of(System.getProperty("shop.lambdas"))));
        cognito = CognitoIdentityProviderClient.builder()
            .endpointOverride(URI.create(shop.info().cognitoEndpoint()))
            .region(Region.US_EAST_1)
            .credentialsProvider(AnonymousCredentialsProvider.create())
            .build();
    }

    @AfterAll
    static void stop() {
        cognito.close();
        shop.close();
    }

    @Test
    void stackFileNamesEveryEndpointAndTheDemoUsers() throws Exception {
        JsonNode stack = JSON.readTree(Files.readString(output.resolve("stack.json")));

        assertThat(stack.fieldNames()).toIterable().contains("apiUrl", "cognitoEndpoint", "userPoolId", "clientId",
            "issuer", "dynamodbEndpoint", "region", "users");
        assertThat(stack.path("apiUrl").asText()).isEqualTo(shop.info().apiUrl());
        assertThat(stack.path("issuer").asText()).isEqualTo(stack.path("cognitoEndpoint").asText() + "/" + stack.path("userPoolId").asText());
        assertThat(stack.path("users")).hasSize(2);
        assertThat(stack.path("users").get(0).path("groups").toString()).contains("admin");
    }

    @Test
    void jwksIsPublishedUnderTheIssuer() {
        ApiResponse jwks = ApiClient.forOtherUrl(shop.info().issuer()).get("/.well-known/jwks.json");

        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.json().path("keys").get(0).path("alg").asText()).isEqualTo("RS256");
    }

    @Test
    void catalogIsServedToAnyone() {
        ApiResponse products = shop.client().get("/catalog/products");

        assertThat(products.status()).isEqualTo(200);
        assertThat(products.json().path("items").isArray()).isTrue();
    }

    @Test
    void demoCatalogHasAtLeastFiftyProductsInFiveCategories() {
        ApiResponse categories = shop.client().get("/catalog/categories");

        assertThat(categories.status()).isEqualTo(200);
        int products = 0;
        for (JsonNode category : categories.json().path("items")) {
            products += category.path("productCount").asInt();
        }
        assertThat(categories.json().path("items").size()).isGreaterThanOrEqualTo(5);
        assertThat(products).isGreaterThanOrEqualTo(50);
    }

    @Test
    void cartNeedsATokenFromTheCognitoEndpoint() {
        assertThat(shop.client().get("/cart").status()).isEqualTo(401);

        String token = login("shopper@shop.local", "Shopper-Passw0rd!").accessToken();

        assertThat(shop.client().withToken(token).get("/cart").status()).isEqualTo(200);
    }

    @Test
    void adminRouteForbidsTheShopperAndServesTheAdmin() {
        String shopper = login("shopper@shop.local", "Shopper-Passw0rd!").accessToken();
        String admin = login("admin@shop.local", "Admin-Passw0rd!").accessToken();

        assertThat(shop.client().withToken(shopper).get("/catalog/admin/low-stock").status()).isEqualTo(403);
        assertThat(shop.client().withToken(admin).get("/catalog/admin/low-stock").status()).isEqualTo(200);
    }

    @Test
    void signUpLogInRefreshAndCallTheApiWithTheAwsSdk() {
        String email = "new-" + System.nanoTime() + "@example.com";
        cognito.signUp(b -> b.clientId(shop.info().clientId()).username(email).password("Fresh-Passw0rd!")
            .userAttributes(AttributeType.builder().name("email").value(email).build()));

        AuthenticationResultType login = login(email, "Fresh-Passw0rd!");
        AuthenticationResultType refreshed = cognito.initiateAuth(b -> b.clientId(shop.info().clientId())
            .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
            .authParameters(Map.of("REFRESH_TOKEN", login.refreshToken()))).authenticationResult();

        ApiResponse cart = shop.client().withToken(refreshed.accessToken()).get("/cart");
        assertThat(cart.status()).isEqualTo(200);
        assertThat(cart.json().path("items")).isEmpty();
    }

    @Test
    void unknownRouteIsNotFoundAsProblemJson() {
        ApiResponse response = shop.client().get("/nowhere");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private static AuthenticationResultType login(String username, String password) {
        return cognito.initiateAuth(b -> b.clientId(shop.info().clientId())
            .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
            .authParameters(Map.of("USERNAME", username, "PASSWORD", password))).authenticationResult();
    }
}
