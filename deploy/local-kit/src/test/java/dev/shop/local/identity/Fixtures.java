package dev.shop.local.identity;

import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;

/** Small factories the identity tests share. */
final class Fixtures {

    static final String PASSWORD = "Correct-Horse-9";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private Fixtures() {
    }

    /** The real AWS SDK client, pointed at the local provider as the local stack and the services do. */
    static CognitoIdentityProviderClient cognito(LocalIdentityProvider provider) {
        // signed with the stack's own credentials, which the administrative operations require
        return cognito(provider, StaticCredentialsProvider.create(AwsBasicCredentials.create(
                provider.adminCredentials().accessKeyId(), provider.adminCredentials().secretAccessKey())));
    }

    static CognitoIdentityProviderClient cognito(LocalIdentityProvider provider, AwsCredentialsProvider credentials) {
        return CognitoIdentityProviderClient.builder()
                .endpointOverride(URI.create(provider.endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    static String newUsername() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    static SignUpResponse signUp(CognitoIdentityProviderClient cognito, LocalIdentityProvider provider,
                                 String username, String password) {
        return cognito.signUp(request -> request.clientId(provider.clientId()).username(username).password(password)
                .userAttributes(AttributeType.builder().name("email").value(username).build()));
    }

    static AuthenticationResultType passwordLogin(CognitoIdentityProviderClient cognito,
                                                  LocalIdentityProvider provider, String username, String password) {
        return cognito.initiateAuth(request -> request.clientId(provider.clientId())
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", password)))
                .authenticationResult();
    }

    static HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static HttpResponse<String> post(LocalIdentityProvider provider, String target, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(provider.endpoint() + "/"))
                .header("X-Amz-Target", target)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** The JWKS as a verifier would see it: fetched over HTTP from the published URL. */
    static JWKSet publishedJwks(LocalIdentityProvider provider) {
        try {
            return JWKSet.parse(get(provider.jwksUrl()).body());
        } catch (ParseException e) {
            throw new IllegalStateException("the JWKS does not parse", e);
        }
    }

    static List<String> keyIds(JWKSet jwks) {
        return jwks.getKeys().stream().map(key -> key.getKeyID()).toList();
    }
}
