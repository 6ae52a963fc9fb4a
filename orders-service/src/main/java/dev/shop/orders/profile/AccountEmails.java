package dev.shop.orders.profile;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.shop.common.config.ShopSettings;
import dev.shop.common.web.Problem;
import dev.shop.common.web.ProblemException;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

/**
 * The signed-in account's verified email, from the identity provider itself:
 * Cognito's {@code GetUser} with the caller's access token (real Cognito
 * access tokens carry no email claim, and a profile's email must be proven,
 * not claimed). {@code GetUser} is authorized by the token alone, so the
 * function needs no IAM grant for it. The endpoint is the pool's issuer
 * without the pool id ({@code https://cognito-idp.<region>.amazonaws.com}),
 * or {@code shop.auth.cognito-endpoint} where it differs
 * ({@link dev.shop.common.config.ShopSettings#AUTH_COGNITO_ENDPOINT}).
 */
@Singleton
class AccountEmails {

    private static final String TARGET = "AWSCognitoIdentityProviderService.GetUser";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI endpoint;
    private final JsonMapper json;
    /** Made on first use, not at init: no selector thread or socket goes into a SnapStart snapshot. */
    private HttpClient http;

    AccountEmails(@Value("${" + ShopSettings.Names.AUTH_ISSUER + "}") String issuer,
                  @Value("${" + ShopSettings.Names.AUTH_COGNITO_ENDPOINT + ":}") String cognitoEndpoint, JsonMapper json) {
        this.endpoint = URI.create(cognitoEndpoint.isBlank() ? issuer.substring(0, issuer.lastIndexOf('/')) + "/" : cognitoEndpoint);
        this.json = json;
    }

    /**
     * @return the account's email in lower case when the identity provider says it is verified, else empty
     * @throws ProblemException 401 when the provider refuses the token (revoked, expired), 503 when it cannot be asked
     */
    Optional<String> verifiedEmail(String accessToken) {
        HttpResponse<byte[]> response = getUser(accessToken);
        JsonNode body;
        try {
            body = json.readValue(response.body(), JsonNode.class);
        } catch (IOException notJson) {
            throw unavailable();
        }
        if (response.statusCode() != 200) {
            throw refusal(body);
        }
        JsonNode list = body.get("UserAttributes");
        if (list == null || !list.isArray()) {
            throw unavailable();
        }
        Map<String, String> attributes = new HashMap<>();
        for (JsonNode attribute : list.values()) {
            JsonNode name = attribute.get("Name");
            JsonNode value = attribute.get("Value");
            if (name != null && name.isString() && value != null && value.isString()) {
                attributes.put(name.getStringValue(), value.getStringValue());
            }
        }
        String email = attributes.get("email");
        if (email == null || !"true".equals(attributes.get("email_verified"))) {
            return Optional.empty();
        }
        return Optional.of(email.toLowerCase(Locale.ROOT));
    }

    private HttpResponse<byte[]> getUser(String accessToken) {
        try {
            HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", TARGET)
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(Map.of("AccessToken", accessToken))))
                .build();
            return client().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException unreachable) {
            throw unavailable();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
    }

    private synchronized HttpClient client() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        }
        return http;
    }

    /** Cognito's 400 {@code NotAuthorizedException} or {@code UserNotFoundException}: the token no longer names an account. */
    private static ProblemException refusal(JsonNode body) {
        JsonNode type = body.get("__type");
        String code = type == null || !type.isString() ? "" : type.getStringValue();
        if (code.endsWith("NotAuthorizedException") || code.endsWith("UserNotFoundException")) {
            return new ProblemException(Problem.of(HttpStatus.UNAUTHORIZED, "The identity provider no longer accepts this token"));
        }
        return unavailable();
    }

    private static ProblemException unavailable() {
        return new ProblemException(Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "The account's email could not be read; try again"));
    }
}
