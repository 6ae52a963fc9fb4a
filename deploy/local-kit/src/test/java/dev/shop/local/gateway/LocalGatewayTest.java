package dev.shop.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.common.routes.Service;
import dev.shop.local.identity.IdentityProviderConfig;
import dev.shop.local.identity.LocalIdentityProvider;
import dev.shop.local.identity.TestTokens;
import dev.shop.local.lambda.LambdaFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway builds payload 2.0 events as API Gateway does. A handler that
 * echoes its event (deserialized by the Lambda runtime's serializers) shows
 * exactly what a function receives.
 */
class LocalGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static LocalIdentityProvider identity;
    private static LocalGateway gateway;
    private static TestTokens tokens;

    @BeforeAll
    static void start() {
        identity = LocalIdentityProvider.start(IdentityProviderConfig.inMemory());
        tokens = TestTokens.of(identity);
        LambdaFunction echo = LambdaFunction.fromClassLoader("echo", LocalGatewayTest.class.getClassLoader(),
            EchoHandler.class.getName());
        gateway = LocalGateway.start(0, Map.of(Service.CATALOG, echo, Service.CART, echo),
            new JwtAuthorizer(identity.issuer(), identity.clientId()));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        identity.close();
    }

    @Test
    void publicRouteEventCarriesPathQueryHeadersCookiesAndContext() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/catalog/products/ab%20c?tag=a&tag=b&empty="))
            .header("X-Custom-Header", "Value")
            .header("Cookie", "a=1; b=2")
            .header("User-Agent", "gateway-test")
            .GET());
        JsonNode event = JSON.readTree(response.body());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(event.path("version").asText()).isEqualTo("2.0");
        assertThat(event.path("routeKey").asText()).isEqualTo("GET /catalog/products/{id}");
        assertThat(event.path("rawPath").asText()).isEqualTo("/catalog/products/ab%20c");
        assertThat(event.path("rawQueryString").asText()).isEqualTo("tag=a&tag=b&empty=");
        assertThat(event.path("queryStringParameters").path("tag").asText()).isEqualTo("a,b");
        assertThat(event.path("queryStringParameters").path("empty").asText()).isEmpty();
        assertThat(event.path("pathParameters").path("id").asText()).isEqualTo("ab c");
        assertThat(event.path("headers").path("x-custom-header").asText()).isEqualTo("Value");
        assertThat(event.path("headers").has("cookie")).isFalse();
        assertThat(event.path("cookies")).extracting(JsonNode::asText).containsExactly("a=1", "b=2");
        JsonNode context = event.path("requestContext");
        assertThat(context.path("stage").asText()).isEqualTo("$default");
        assertThat(context.path("routeKey").asText()).isEqualTo("GET /catalog/products/{id}");
        assertThat(context.path("http").path("method").asText()).isEqualTo("GET");
        assertThat(context.path("http").path("path").asText()).isEqualTo("/catalog/products/ab%20c");
        assertThat(context.path("http").path("sourceIp").asText()).isEqualTo("127.0.0.1");
        assertThat(context.path("http").path("userAgent").asText()).isEqualTo("gateway-test");
        assertThat(context.path("authorizer").isMissingNode() || context.path("authorizer").isNull()).isTrue();
        assertThat(response.headers().firstValue("x-function")).contains("echo");
        assertThat(response.headers().allValues("set-cookie")).contains("seen=1; Path=/");
    }

    @Test
    void protectedRouteWithoutAValidTokenIsRefusedBeforeTheFunction() throws Exception {
        HttpResponse<String> none = send(HttpRequest.newBuilder(uri("/cart")).GET());
        HttpResponse<String> forged = send(HttpRequest.newBuilder(uri("/cart"))
            .header("Authorization", "Bearer " + tokens.forgedAccessToken(TestTokens.Forgery.EXPIRED, "u1", Set.of()))
            .GET());

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("content-type")).contains("application/problem+json");
        assertThat(none.headers().firstValue("www-authenticate")).contains("Bearer");
        assertThat(forged.statusCode()).isEqualTo(401);
    }

    @Test
    void protectedRouteCarriesTheClaimsAsApiGatewayFlattensThem() throws Exception {
        String token = tokens.accessToken("user-42", Set.of("admin", "users"));

        JsonNode event = JSON.readTree(send(HttpRequest.newBuilder(uri("/cart"))
            .header("Authorization", "Bearer " + token).GET()).body());
        JsonNode claims = event.path("requestContext").path("authorizer").path("jwt").path("claims");

        assertThat(claims.path("sub").asText()).isEqualTo("user-42");
        assertThat(claims.path("cognito:groups").asText()).isIn("[admin users]", "[users admin]");
        assertThat(claims.path("token_use").asText()).isEqualTo("access");
        assertThat(claims.path("exp").isTextual()).isTrue();
        assertThat(event.path("headers").path("authorization").asText()).startsWith("Bearer ");
    }

    @Test
    void binaryBodiesArriveBase64EncodedAndJsonBodiesAsText() throws Exception {
        byte[] binary = {0, 1, 2, (byte) 0xff};
        JsonNode binaryEvent = JSON.readTree(send(HttpRequest.newBuilder(uri("/cart/items/p1"))
            .header("Authorization", "Bearer " + tokens.accessToken("u1", Set.of()))
            .header("Content-Type", "application/octet-stream")
            .PUT(HttpRequest.BodyPublishers.ofByteArray(binary))).body());
        JsonNode jsonEvent = JSON.readTree(send(HttpRequest.newBuilder(uri("/cart/items/p1"))
            .header("Authorization", "Bearer " + tokens.accessToken("u1", Set.of()))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString("{\"quantity\":1}"))).body());

        assertThat(binaryEvent.path("isBase64Encoded").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(binaryEvent.path("body").asText())).isEqualTo(binary);
        assertThat(jsonEvent.path("isBase64Encoded").asBoolean()).isFalse();
        assertThat(jsonEvent.path("body").asText()).isEqualTo("{\"quantity\":1}");
        assertThat(jsonEvent.path("pathParameters").path("productId").asText()).isEqualTo("p1");
    }

    @Test
    void unknownPathIsNotFoundAndKnownPathWithOtherMethodIsNotAllowed() throws Exception {
        HttpResponse<String> unknown = send(HttpRequest.newBuilder(uri("/nowhere")).GET());
        HttpResponse<String> otherMethod = send(HttpRequest.newBuilder(uri("/catalog/categories"))
            .DELETE());
        HttpResponse<String> notDeployed = send(HttpRequest.newBuilder(uri("/orders"))
            .header("Authorization", "Bearer " + tokens.accessToken("u1", Set.of())).GET());

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(otherMethod.statusCode()).isEqualTo(405);
        assertThat(otherMethod.headers().firstValue("content-type")).contains("application/problem+json");
        assertThat(notDeployed.statusCode()).isEqualTo(404);
    }

    private static URI uri(String pathAndQuery) {
        return URI.create(gateway.url() + pathAndQuery);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
