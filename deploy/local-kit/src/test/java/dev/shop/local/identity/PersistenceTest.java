package dev.shop.local.identity;

import static dev.shop.local.identity.Fixtures.PASSWORD;
import static dev.shop.local.identity.Fixtures.newUsername;
import static dev.shop.local.identity.Fixtures.passwordLogin;
import static dev.shop.local.identity.Fixtures.signUp;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;

/** With a state directory the pool's users and key outlive the process, as the local stack needs. */
class PersistenceTest {

    @TempDir
    Path stateDir;

    @Test
    void restartOnTheSameStateDirKeepsUsersAndTheSigningKey() throws Exception {
        // given
        String username = newUsername();
        String sub;
        List<String> keyIdsBefore;
        String tokenBefore;
        try (LocalIdentityProvider first = LocalIdentityProvider.start(config());
             CognitoIdentityProviderClient cognito = Fixtures.cognito(first)) {
            sub = signUp(cognito, first, username, PASSWORD).userSub();
            keyIdsBefore = Fixtures.keyIds(Fixtures.publishedJwks(first));
            tokenBefore = passwordLogin(cognito, first, username, PASSWORD).accessToken();
        }

        // when
        try (LocalIdentityProvider second = LocalIdentityProvider.start(config());
             CognitoIdentityProviderClient cognito = Fixtures.cognito(second)) {
            AuthenticationResultType login = passwordLogin(cognito, second, username, PASSWORD);

            // then
            assertThat(Fixtures.keyIds(Fixtures.publishedJwks(second))).isEqualTo(keyIdsBefore);
            assertThat(SignedJWT.parse(login.accessToken()).getJWTClaimsSet().getSubject()).isEqualTo(sub);
            RSAKey published = Fixtures.publishedJwks(second).getKeys().get(0).toRSAKey();
            assertThat(SignedJWT.parse(tokenBefore).verify(new RSASSAVerifier(published))).isTrue();
        }
    }

    @Test
    void refreshTokenIssuedBeforeARestartStillRefreshes() {
        // given
        String username = newUsername();
        String refreshToken;
        try (LocalIdentityProvider first = LocalIdentityProvider.start(config())) {
            first.ensureUser(username, PASSWORD, username, Set.of("admin"));
            refreshToken = first.login(username, PASSWORD).refreshToken().orElseThrow();
        }

        // when
        try (LocalIdentityProvider second = LocalIdentityProvider.start(config())) {
            AuthTokens refreshed = second.refresh(refreshToken);

            // then
            assertThat(refreshed.accessToken()).isNotBlank();
            assertThat(refreshed.refreshToken()).isEmpty();
        }
    }

    @Test
    void stateFilesHoldNeitherPasswordsNorRefreshTokensInTheClear() throws Exception {
        // given
        String username = newUsername();
        String refreshToken;

        // when
        try (LocalIdentityProvider provider = LocalIdentityProvider.start(config())) {
            provider.ensureUser(username, PASSWORD, username, Set.of());
            refreshToken = provider.login(username, PASSWORD).refreshToken().orElseThrow();
        }

        // then
        String users = Files.readString(stateDir.resolve("users.json"));
        assertThat(users).contains(username, "pbkdf2-sha256$").doesNotContain(PASSWORD, refreshToken);
        assertThat(stateDir.resolve("signing-key.json")).exists();
        try (var leftovers = Files.list(stateDir)) {
            assertThat(leftovers.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder("users.json", "signing-key.json", AdminCredentials.FILE);
        }
    }

    @Test
    void missingStateDirIsCreated() {
        // given
        Path nested = stateDir.resolve("repo").resolve(".local").resolve("identity");

        // when
        try (LocalIdentityProvider provider = LocalIdentityProvider.start(
                IdentityProviderConfig.persistent(0, nested))) {
            provider.ensureUser("seed@example.com", PASSWORD, "seed@example.com", Set.of());
        }

        // then
        assertThat(nested.resolve("users.json")).exists();
        assertThat(nested.resolve("signing-key.json")).exists();
    }

    private IdentityProviderConfig config() {
        return IdentityProviderConfig.persistent(0, stateDir);
    }
}
