package dev.shop.gatling;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The three Cognito calls a load run needs, in Cognito's own JSON protocol, so the same code signs in
 * against the local identity endpoint and against {@code cognito-idp.<region>.amazonaws.com}. Used only
 * in set-up and by the token refresher, never inside the measured requests.
 */
final class Cognito {

    /** What {@code InitiateAuth} returns; {@code refreshToken} is absent on a refresh. */
    record Tokens(String accessToken, String refreshToken, Instant expiresAt) {
    }

    private static final String TARGET_PREFIX = "AWSCognitoIdentityProviderService.";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final URI endpoint;
    private final String clientId;

    Cognito(String endpoint, String clientId) {
        this.endpoint = URI.create(endpoint.endsWith("/") ? endpoint : endpoint + "/");
        this.clientId = clientId;
    }

    Tokens login(String username, String password) {
        JsonNode result = call("InitiateAuth", Map.of("AuthFlow", "USER_PASSWORD_AUTH", "ClientId", clientId,
            "AuthParameters", Map.of("USERNAME", username, "PASSWORD", password)));
        return tokens(result, null);
    }

    Tokens refresh(Tokens current) {
        JsonNode result = call("InitiateAuth", Map.of("AuthFlow", "REFRESH_TOKEN_AUTH", "ClientId", clientId,
            "AuthParameters", Map.of("REFRESH_TOKEN", current.refreshToken())));
        return tokens(result, current.refreshToken());
    }

    /** Signs a user up; the local endpoint confirms at once, a real pool needs auto-confirmation for this. */
    void signUp(String username, String password) {
        call("SignUp", Map.of("ClientId", clientId, "Username", username, "Password", password,
            "UserAttributes", List.of(Map.of("Name", "email", "Value", username))));
    }

    private static Tokens tokens(JsonNode result, String previousRefreshToken) {
        JsonNode auth = result.path("AuthenticationResult");
        String refresh = auth.path("RefreshToken").asText(previousRefreshToken);
        return new Tokens(auth.path("AccessToken").asText(), refresh,
            Instant.now().plusSeconds(auth.path("ExpiresIn").asLong(3600)));
    }

    private JsonNode call(String operation, Map<String, Object> body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", TARGET_PREFIX + operation)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Cognito " + operation + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Cognito " + operation + " at " + endpoint + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
