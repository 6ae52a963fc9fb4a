package dev.shop.catalog.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shop.common.routes.Service;
import dev.shop.local.TestShop;
import dev.shop.local.client.ApiClient.ApiResponse;
import dev.shop.local.identity.TestTokens;
import dev.shop.local.identity.TestTokens.Forgery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The platform's auth rules (docs/api.md, "Authentication"), on an admin route of
 * catalog-service, through both paths a request can take: behind the gateway's
 * JWT authorizer (claims in the event), and straight to the handler with only
 * a bearer token (micronaut-security-jwt validates it against the JWKS).
 */
class AuthenticationTest {

    private static final String ADMIN_ROUTE = "/catalog/admin/low-stock";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestShop shop = TestShop.serving(Service.CATALOG);
    private final TestTokens tokens = TestTokens.of(shop.identity());

    @Test
    void adminRouteWithoutTokenIsUnauthorizedAsProblemJson() {
        ApiResponse response = shop.anonymous().get(ADMIN_ROUTE);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("title").asText()).isNotBlank();
    }

    @Test
    void adminRouteForbidsAShopperAndServesAnAdmin() {
        assertThat(shop.newShopper().api().get(ADMIN_ROUTE).status()).isEqualTo(403);
        assertThat(shop.newAdmin().api().get(ADMIN_ROUTE).status()).isEqualTo(200);
    }

    @Test
    void forbiddenIsProblemJson() {
        ApiResponse response = shop.newShopper().api().get(ADMIN_ROUTE);

        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("status").asInt()).isEqualTo(403);
    }

    @Test
    void idTokenIsRefusedByTheServiceAlthoughTheAuthorizerLetsItThrough() {
        // the shop accepts access tokens only; API Gateway's authorizer does not look at token_use
        String idToken = tokens.idToken("admin-" + System.nanoTime(), Set.of("admin"));

        assertThat(shop.anonymous().withToken(idToken).get(ADMIN_ROUTE).status()).isEqualTo(401);
        assertThat(statusOf(directEvent(ADMIN_ROUTE, Map.of("authorization", "Bearer " + idToken)))).isEqualTo(401);
    }

    @Test
    void aGroupNamedUsersCommaAdminIsNotAdmin() {
        String token = tokens.accessToken("user-" + System.nanoTime(), Set.of("users,admin"));

        assertThat(shop.anonymous().withToken(token).get(ADMIN_ROUTE).status()).isEqualTo(403);
        assertThat(statusOf(directEvent(ADMIN_ROUTE, Map.of("authorization", "Bearer " + token)))).isEqualTo(403);
        assertThat(statusOf(withAuthorizerClaims(Map.of("sub", "u-" + System.nanoTime(), "token_use", "access",
            "cognito:groups", "[users,admin]")))).isEqualTo(403);
    }

    @Test
    void authorizerClaimsOfAnotherTokenUseOrWithoutSubjectAreNotAUser() {
        String sub = "admin-" + System.nanoTime();

        assertThat(statusOf(withAuthorizerClaims(Map.of("sub", sub, "token_use", "id", "cognito:groups", "[admin]"))))
            .isEqualTo(401);
        assertThat(statusOf(withAuthorizerClaims(Map.of("sub", sub, "cognito:groups", "[admin]")))).isEqualTo(401);
        assertThat(statusOf(withAuthorizerClaims(Map.of("sub", " ", "token_use", "access", "cognito:groups", "[admin]"))))
            .isEqualTo(401);
        assertThat(statusOf(withAuthorizerClaims(Map.of("token_use", "access", "cognito:groups", "[admin]"))))
            .isEqualTo(401);
    }

    @ParameterizedTest
    @EnumSource(Forgery.class)
    void forgedAccessTokensAreUnauthorizedAtTheGateway(Forgery forgery) {
        String token = tokens.forgedAccessToken(forgery, "admin-" + System.nanoTime(), Set.of("admin"));

        assertThat(shop.anonymous().withToken(token).get(ADMIN_ROUTE).status()).isEqualTo(401);
    }

    @ParameterizedTest
    @EnumSource(Forgery.class)
    void forgedIdTokensAreUnauthorizedAtTheGateway(Forgery forgery) {
        String token = tokens.forgedIdToken(forgery, "admin-" + System.nanoTime(), Set.of("admin"));

        assertThat(shop.anonymous().withToken(token).get(ADMIN_ROUTE).status()).isEqualTo(401);
    }

    @Test
    void bearerTokenWithoutAuthorizerIsValidatedByTheService() {
        String admin = tokens.accessToken("admin-" + System.nanoTime(), Set.of("admin"));
        String shopper = tokens.accessToken("shopper-" + System.nanoTime(), Set.of());

        assertThat(statusOf(directEvent(ADMIN_ROUTE, Map.of("authorization", "Bearer " + admin)))).isEqualTo(200);
        assertThat(statusOf(directEvent(ADMIN_ROUTE, Map.of("authorization", "Bearer " + shopper)))).isEqualTo(403);
        assertThat(statusOf(directEvent(ADMIN_ROUTE, Map.of()))).isEqualTo(401);
    }

    @ParameterizedTest
    @EnumSource(Forgery.class)
    void forgedBearerTokenWithoutAuthorizerIsUnauthorizedByTheService(Forgery forgery) {
        String token = tokens.forgedAccessToken(forgery, "admin-" + System.nanoTime(), Set.of("admin"));

        assertThat(statusOf(directEvent(ADMIN_ROUTE, Map.of("authorization", "Bearer " + token)))).isEqualTo(401);
    }

    @Test
    void identityHeadersFromClientsAreNotTrusted() {
        ObjectNode event = directEvent(ADMIN_ROUTE, Map.of("x-amzn-oidc-identity", "someone",
            "x-amzn-oidc-data", "forged"));

        assertThat(statusOf(event)).isEqualTo(401);
    }

    @Test
    void authorizerClaimsCarryGroupsAsApiGatewayFormatsThem() {
        ObjectNode event = directEvent(ADMIN_ROUTE, Map.of());
        ObjectNode claims = ((ObjectNode) event.get("requestContext")).putObject("authorizer").putObject("jwt").putObject("claims");
        claims.put("sub", "admin-" + System.nanoTime());
        claims.put("cognito:groups", "[users admin]");
        claims.put("token_use", "access");

        assertThat(statusOf(event)).isEqualTo(200);
    }

    private static ObjectNode withAuthorizerClaims(Map<String, String> claims) {
        ObjectNode event = directEvent(ADMIN_ROUTE, Map.of());
        ObjectNode claimsNode = ((ObjectNode) event.get("requestContext")).putObject("authorizer").putObject("jwt")
            .putObject("claims");
        claims.forEach(claimsNode::put);
        return event;
    }

    private int statusOf(ObjectNode event) {
        try {
            JsonNode response = JSON.readTree(shop.invokeDirectly(JSON.writeValueAsString(event)));
            return response.path("statusCode").asInt();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A payload 2.0 event as API Gateway sends it for a route without an authorizer. */
    private static ObjectNode directEvent(String path, Map<String, String> headers) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", "GET " + path);
        event.put("rawPath", path);
        event.put("rawQueryString", "");
        ObjectNode headerNode = event.putObject("headers");
        headerNode.put("accept", "application/json");
        headers.forEach(headerNode::put);
        ObjectNode context = event.putObject("requestContext");
        context.put("stage", "$default");
        context.put("requestId", "direct-" + System.nanoTime());
        ObjectNode http = context.putObject("http");
        http.put("method", "GET");
        http.put("path", path);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "127.0.0.1");
        http.put("userAgent", "test");
        event.put("isBase64Encoded", false);
        return event;
    }
}
