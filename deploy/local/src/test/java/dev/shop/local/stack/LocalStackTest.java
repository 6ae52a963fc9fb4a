package dev.shop.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.local.client.ApiClient;
import dev.shop.local.client.ApiClient.ApiResponse;
import dev.shop.local.client.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;

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
            "issuer", "dynamodbEndpoint", "region", "users", "accessKeyId", "secretAccessKey");
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
    void onlyRequestsSignedWithTheStackFilesCredentialsMakeAUserAnAdmin() throws Exception {
        JsonNode stack = JSON.readTree(Files.readString(output.resolve("stack.json")));
        String email = "promoted-" + System.nanoTime() + "@example.com";
        cognito.signUp(b -> b.clientId(shop.info().clientId()).username(email).password("Fresh-Passw0rd!")
            .userAttributes(AttributeType.builder().name("email").value(email).build()));

        assertThatThrownBy(() -> cognito.adminAddUserToGroup(b -> b.userPoolId(shop.info().userPoolId())
            .username(email).groupName("admin")))
            .isInstanceOfSatisfying(CognitoIdentityProviderException.class, e ->
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MissingAuthenticationTokenException"));
        try (CognitoIdentityProviderClient owner = CognitoIdentityProviderClient.builder()
            .endpointOverride(URI.create(stack.path("cognitoEndpoint").asText()))
            .region(Region.of(stack.path("region").asText()))
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                stack.path("accessKeyId").asText(), stack.path("secretAccessKey").asText())))
            .build()) {
            owner.adminAddUserToGroup(b -> b.userPoolId(shop.info().userPoolId()).username(email).groupName("admin"));
        }

        String token = login(email, "Fresh-Passw0rd!").accessToken();
        assertThat(shop.client().withToken(token).get("/catalog/admin/low-stock").status()).isEqualTo(200);
    }

    @Test
    void unknownRouteIsNotFoundAsProblemJson() {
        ApiResponse response = shop.client().get("/nowhere");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void controlCharacterInAHeaderOnAPublicRouteIsABadRequest() {
        RawHttp.Answer answer = RawHttp.send(shop.info().apiUrl(),
            "GET /catalog/categories HTTP/1.1\r\nHost: localhost\r\nX-A: a\u0001b\r\n\r\n");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.headers().get("content-type")).isEqualTo("application/problem+json");
        assertThat(answer.body()).contains("\"status\":400").doesNotContain("Exception");
    }

    @Test
    void malformedPercentEncodingOrNonUtf8PathIsABadRequestWithoutInternalNames() {
        for (String path : List.of("/catalog/products/%zz", "/catalog/products/%FF%FE", "/catalog/products/\u00ff")) {
            RawHttp.Answer answer = RawHttp.send(shop.info().apiUrl(), "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n");

            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.headers().get("content-type")).isEqualTo("application/problem+json");
            assertThat(answer.body()).doesNotContain("URISyntaxException", "<h1>");
        }
    }

    @Test
    void chunkedBodyIsServedWhenSmallAndTooLargeOverTheServicesLimit() throws Exception {
        String token = login("shopper@shop.local", "Shopper-Passw0rd!").accessToken();
        String productId = shop.client().get("/catalog/products?limit=1").json().path("items").get(0).path("id").asText();
        String head = "PUT /cart/items/" + productId + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
            + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";

        RawHttp.Answer small = RawHttp.send(shop.info().apiUrl(), head + RawHttp.chunked("{\"quantity\": 1}", 4));
        RawHttp.Answer large = RawHttp.send(shop.info().apiUrl(),
            head + RawHttp.chunked("{\"quantity\": 1, \"pad\": \"" + "x".repeat(70 * 1024) + "\"}", 8192));

        assertThat(small.status()).as(small.body()).isEqualTo(200);
        assertThat(JSON.readTree(small.body()).path("items").get(0).path("quantity").asInt()).isEqualTo(1);
        assertThat(large.status()).as(large.body()).isEqualTo(413);
        assertThat(large.headers().get("content-type")).startsWith("application/problem+json");
    }

    private static AuthenticationResultType login(String username, String password) {
        return cognito.initiateAuth(b -> b.clientId(shop.info().clientId())
            .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
            .authParameters(Map.of("USERNAME", username, "PASSWORD", password))).authenticationResult();
    }
}
