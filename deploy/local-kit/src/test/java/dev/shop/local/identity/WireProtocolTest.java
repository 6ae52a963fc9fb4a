package dev.shop.local.identity;

import static dev.shop.local.identity.Fixtures.PASSWORD;
import static dev.shop.local.identity.Fixtures.newUsername;
import static dev.shop.local.identity.Fixtures.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP exchange itself, byte for byte where Cognito's clients depend on it. */
class WireProtocolTest {

    private static final String AMZ_JSON = "application/x-amz-json-1.1";
    private static final String TARGET = "AWSCognitoIdentityProviderService.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalIdentityProvider provider;

    @BeforeAll
    static void startProvider() {
        provider = LocalIdentityProvider.start(IdentityProviderConfig.inMemory());
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    @Test
    void errorsCarryTheTypeInHeaderAndBody() throws Exception {
        // given
        String username = newUsername();
        provider.ensureUser(username, PASSWORD, username, Set.of());

        // when
        HttpResponse<String> response = post(provider, TARGET + "InitiateAuth", AMZ_JSON,
                "{\"AuthFlow\":\"USER_PASSWORD_AUTH\",\"ClientId\":\"" + provider.clientId() + "\","
                        + "\"AuthParameters\":{\"USERNAME\":\"" + username + "\",\"PASSWORD\":\"Wrong-Horse-1\"}}");

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("NotAuthorizedException");
        assertThat(response.headers().firstValue("Content-Type")).hasValue(AMZ_JSON);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("__type").asText()).isEqualTo("NotAuthorizedException");
        assertThat(body.path("message").asText()).isEqualTo("Incorrect username or password.");
    }

    @Test
    void plainJsonContentTypeIsAcceptedAndTheResponseHasCognitosShape() throws Exception {
        // given
        String username = newUsername();
        provider.ensureUser(username, PASSWORD, username, Set.of());

        // when
        HttpResponse<String> response = post(provider, TARGET + "InitiateAuth", "application/json",
                "{\"AuthFlow\":\"USER_PASSWORD_AUTH\",\"ClientId\":\"" + provider.clientId() + "\","
                        + "\"AuthParameters\":{\"USERNAME\":\"" + username + "\",\"PASSWORD\":\"" + PASSWORD + "\"}}");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("ChallengeParameters").isObject()).isTrue();
        assertThat(body.path("ChallengeParameters").size()).isZero();
        JsonNode result = body.path("AuthenticationResult");
        assertThat(result.path("ExpiresIn").asInt()).isEqualTo(3600);
        assertThat(result.path("TokenType").asText()).isEqualTo("Bearer");
        assertThat(result.has("AccessToken") && result.has("IdToken") && result.has("RefreshToken")).isTrue();
    }

    @Test
    void unknownOperationIsRejected() throws Exception {
        HttpResponse<String> response = post(provider, TARGET + "DeleteUserPool", AMZ_JSON, "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("UnknownOperationException");
        assertThat(JSON.readTree(response.body()).path("__type").asText()).isEqualTo("UnknownOperationException");
    }

    @Test
    void requestWithoutTargetIsUnknownOperation() {
        HttpResponse<String> response = Fixtures.send(HttpRequest.newBuilder(URI.create(provider.endpoint() + "/"))
                .header("Content-Type", AMZ_JSON)
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("UnknownOperationException");
    }

    @Test
    void malformedJsonIsASerializationError() {
        HttpResponse<String> response = post(provider, TARGET + "SignUp", AMZ_JSON, "{\"ClientId\":");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("SerializationException");
    }

    @Test
    void missingMemberIsInvalidParameterNamingIt() throws Exception {
        HttpResponse<String> response = post(provider, TARGET + "SignUp", AMZ_JSON,
                "{\"ClientId\":\"" + provider.clientId() + "\",\"Password\":\"" + PASSWORD + "\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("message").asText())
                .contains("Value null at 'username' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void browserPreflightIsAllowed() {
        HttpResponse<String> response = Fixtures.send(HttpRequest.newBuilder(URI.create(provider.endpoint() + "/"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,x-amz-target,x-amz-user-agent")
                .build());

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers"))
                .hasValue("content-type,x-amz-target,x-amz-user-agent");
    }

    @Test
    void openIdDiscoveryNamesTheIssuerAndItsJwks() throws Exception {
        HttpResponse<String> response = Fixtures.get(provider.issuer() + "/.well-known/openid-configuration");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode discovery = JSON.readTree(response.body());
        assertThat(discovery.path("issuer").asText()).isEqualTo(provider.issuer());
        assertThat(discovery.path("jwks_uri").asText()).isEqualTo(provider.jwksUrl());
        assertThat(discovery.path("id_token_signing_alg_values_supported").get(0).asText()).isEqualTo("RS256");
    }

    @Test
    void urlsNameLocalhostAndTheBoundPort() {
        assertThat(provider.endpoint()).isEqualTo("http://localhost:" + provider.port());
        assertThat(provider.issuer()).isEqualTo("http://localhost:" + provider.port() + "/us-east-1_localShop");
        assertThat(provider.jwksUrl()).isEqualTo(provider.issuer() + "/.well-known/jwks.json");
    }

    @Test
    void jwksOfAnotherPoolIsNotFound() {
        HttpResponse<String> response = Fixtures.get(provider.endpoint() + "/us-east-1_other/.well-known/jwks.json");

        assertThat(response.statusCode()).isEqualTo(404);
    }
}
