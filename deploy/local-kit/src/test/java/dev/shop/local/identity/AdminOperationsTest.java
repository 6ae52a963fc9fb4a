package dev.shop.local.identity;

import static dev.shop.local.identity.Fixtures.PASSWORD;
import static dev.shop.local.identity.Fixtures.newUsername;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

import dev.shop.local.client.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;

/**
 * The administrative operations belong to whoever started the stack: like
 * Cognito, they need a SigV4 signature, here with the stack's own
 * credentials; the AWS SDK signs with them and gets through, anyone else
 * gets the error AWS gives.
 */
class AdminOperationsTest {

    private static LocalIdentityProvider provider;

    @BeforeAll
    static void start() {
        provider = LocalIdentityProvider.start(IdentityProviderConfig.inMemory());
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    private static String newUser() {
        String username = newUsername();
        provider.ensureUser(username, PASSWORD, username, Set.of());
        return username;
    }

    private static String errorOfAddingToAdmin(CognitoIdentityProviderClient client, String username) {
        try (client) {
            try {
                client.adminAddUserToGroup(request -> request.userPoolId(provider.userPoolId())
                        .username(username).groupName("admin"));
                return "no error";
            } catch (CognitoIdentityProviderException e) {
                return e.awsErrorDetails().errorCode();
            }
        }
    }

    private static Set<String> groupsOf(String username) throws Exception {
        String token = provider.login(username, PASSWORD).accessToken();
        var groups = com.nimbusds.jwt.JWTParser.parse(token).getJWTClaimsSet().getStringListClaim("cognito:groups");
        return groups == null ? Set.of() : Set.copyOf(groups);
    }

    @Test
    void signedWithTheStacksCredentialsTheSdkMakesAUserAnAdmin() throws Exception {
        String username = newUser();

        try (CognitoIdentityProviderClient owner = Fixtures.cognito(provider)) {
            owner.adminAddUserToGroup(request -> request.userPoolId(provider.userPoolId()).username(username)
                    .groupName("admin"));
        }

        assertThat(groupsOf(username)).containsExactly("admin");
    }

    @Test
    void unsignedIsMissingAuthenticationTokenAndChangesNothing() throws Exception {
        String username = newUser();

        String error = errorOfAddingToAdmin(Fixtures.cognito(provider, AnonymousCredentialsProvider.create()), username);

        assertThat(error).isEqualTo("MissingAuthenticationTokenException");
        assertThat(groupsOf(username)).isEmpty();
    }

    @Test
    void wrongSecretIsInvalidSignatureAndUnknownKeyIsUnrecognizedClient() throws Exception {
        String username = newUser();
        String keyId = provider.adminCredentials().accessKeyId();

        String wrongSecret = errorOfAddingToAdmin(Fixtures.cognito(provider,
                StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, "not-the-secret"))), username);
        String unknownKey = errorOfAddingToAdmin(Fixtures.cognito(provider,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAOTHER", "x"))), username);

        assertThat(wrongSecret).isEqualTo("InvalidSignatureException");
        assertThat(unknownKey).isEqualTo("UnrecognizedClientException");
        assertThat(groupsOf(username)).isEmpty();
    }

    @Test
    void removingFromAGroupNeedsTheSignatureToo() throws Exception {
        String username = newUsername();
        provider.ensureUser(username, PASSWORD, username, Set.of("admin"));

        try (CognitoIdentityProviderClient anonymous = Fixtures.cognito(provider, AnonymousCredentialsProvider.create())) {
            assertThatThrownBy(() -> anonymous.adminRemoveUserFromGroup(request -> request
                    .userPoolId(provider.userPoolId()).username(username).groupName("admin")))
                    .isInstanceOf(CognitoIdentityProviderException.class);
        }

        assertThat(groupsOf(username)).containsExactly("admin");
    }

    @Test
    void administrativeAnswersCarryNoCorsAndPreflightsAllowNoSigningHeaders() {
        HttpResponse<String> admin = Fixtures.send(HttpRequest.newBuilder(URI.create(provider.endpoint() + "/"))
                .header("Origin", "http://evil.example")
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService.AdminAddUserToGroup")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
        HttpResponse<String> preflight = Fixtures.send(HttpRequest.newBuilder(URI.create(provider.endpoint() + "/"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,x-amz-target,authorization,x-amz-date")
                .build());

        assertThat(admin.statusCode()).isEqualTo(400);
        assertThat(admin.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).hasValue("content-type,x-amz-target");
    }

    @Test
    void aRequestNamingAnotherHostIsRefusedAsADnsRebindingPageWouldSendIt() {
        String body = "{\"UserPoolId\":\"" + provider.userPoolId() + "\",\"Username\":\"x\",\"GroupName\":\"admin\"}";
        RawHttp.Answer rebound = RawHttp.send(provider.endpoint(), "POST / HTTP/1.1\r\nHost: attacker.example:"
                + provider.port() + "\r\nContent-Type: application/x-amz-json-1.1\r\n"
                + "X-Amz-Target: AWSCognitoIdentityProviderService.InitiateAuth\r\nContent-Length: " + body.length()
                + "\r\n\r\n" + body);
        RawHttp.Answer local = RawHttp.send(provider.endpoint(), "GET /" + provider.userPoolId()
                + "/.well-known/jwks.json HTTP/1.1\r\nHost: 127.0.0.1:" + provider.port() + "\r\n\r\n");

        assertThat(rebound.status()).isEqualTo(403);
        assertThat(rebound.headers()).doesNotContainKey("access-control-allow-origin");
        assertThat(local.status()).isEqualTo(200);
    }
}
