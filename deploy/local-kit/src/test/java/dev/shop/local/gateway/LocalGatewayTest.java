package dev.shop.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.common.routes.Service;
import dev.shop.local.client.RawHttp;
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

    @Test
    void controlCharacterInAHeaderIsABadRequestBeforeAnyRoute() {
        RawHttp.Answer answer = RawHttp.send(gateway.url(),
            "GET /catalog/categories HTTP/1.1\r\nHost: localhost\r\nX-A: a\u0001b\r\n\r\n");

        assertIsPlainProblem(answer, 400);
        assertThat(answer.body()).contains("X-A");
    }

    @Test
    void malformedPercentEncodingOrNonUtf8InThePathIsABadRequest() {
        for (String target : List.of("/catalog/products/%zz", "/catalog/products/abc%4", "/catalog/products/%FF",
            "/catalog/products/%C0%AF", "/catalog/products/\u00ff", "/catalog/products/a|b",
            "/catalog/products?category=%E2%82")) {
            RawHttp.Answer answer = RawHttp.send(gateway.url(), "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n");

            assertIsPlainProblem(answer, 400);
        }
    }

    @Test
    void smallChunkedBodyArrivesWholeWithItsLength() throws Exception {
        String token = tokens.accessToken("u1", Set.of());
        RawHttp.Answer answer = RawHttp.send(gateway.url(), "PUT /cart/items/p1 HTTP/1.1\r\nHost: localhost\r\n"
            + "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n" + RawHttp.chunked("{\"quantity\":1}", 5));
        JsonNode event = JSON.readTree(answer.body());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(event.path("body").asText()).isEqualTo("{\"quantity\":1}");
        assertThat(event.path("headers").path("content-length").asText()).isEqualTo("14");
        assertThat(event.path("headers").has("transfer-encoding")).isFalse();
    }

    @Test
    void bodiesOverThePayloadLimitAreTooLargeChunkedOrNot() {
        String token = tokens.accessToken("u1", Set.of());
        String head = "PUT /cart/items/p1 HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
            + "\r\nContent-Type: application/json\r\n";
        String oversized = "x".repeat(LocalGateway.MAX_PAYLOAD_BYTES + 1);

        RawHttp.Answer chunked = RawHttp.send(gateway.url(),
            head + "Transfer-Encoding: chunked\r\n\r\n" + RawHttp.chunked(oversized, 1 << 20));
        RawHttp.Answer declared = RawHttp.send(gateway.url(),
            head + "Content-Length: " + oversized.length() + "\r\n\r\n" + oversized);

        assertIsPlainProblem(chunked, 413);
        assertIsPlainProblem(declared, 413);
    }

    @Test
    void ambiguousFramingIsABadRequest() {
        RawHttp.Answer both = RawHttp.send(gateway.url(), "POST /cart/items/p1 HTTP/1.1\r\nHost: localhost\r\n"
            + "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
        RawHttp.Answer badChunk = RawHttp.send(gateway.url(), "POST /cart/items/p1 HTTP/1.1\r\nHost: localhost\r\n"
            + "Transfer-Encoding: chunked\r\n\r\nzz\r\n");
        RawHttp.Answer noHost = RawHttp.send(gateway.url(), "GET /catalog/categories HTTP/1.1\r\n\r\n");

        assertIsPlainProblem(both, 400);
        assertIsPlainProblem(badChunk, 400);
        assertIsPlainProblem(noHost, 400);
    }

    private static void assertIsPlainProblem(RawHttp.Answer answer, int status) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.headers().get("content-type")).isEqualTo("application/problem+json");
        JsonNode problem;
        try {
            problem = JSON.readTree(answer.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + answer.body(), e);
        }
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(answer.body()).doesNotContain("Exception", "java.", "<");
    }

    private static URI uri(String pathAndQuery) {
        return URI.create(gateway.url() + pathAndQuery);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
