package dev.shop.local.identity;

import static dev.shop.local.identity.Fixtures.PASSWORD;
import static dev.shop.local.identity.Fixtures.newUsername;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tokens carry Cognito's claim set and verify against the JWKS the provider publishes. */
class TokenClaimsTest {

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
    void accessTokenCarriesCognitosClaimsAndVerifiesAgainstThePublishedJwks() throws Exception {
        // given
        String username = newUsername();
        String sub = provider.ensureUser(username, PASSWORD, username, Set.of("admin"));
        Instant before = Instant.now().minusSeconds(1);

        // when
        SignedJWT token = SignedJWT.parse(provider.login(username, PASSWORD).accessToken());

        // then
        assertThat(verifiesAgainstPublishedJwks(token)).isTrue();
        JWTClaimsSet claims = token.getJWTClaimsSet();
        assertThat(claims.getClaims().keySet()).containsExactlyInAnyOrder("sub", "cognito:groups", "iss", "version",
                "client_id", "origin_jti", "event_id", "token_use", "scope", "auth_time", "exp", "iat", "jti",
                "username");
        assertThat(claims.getSubject()).isEqualTo(sub);
        assertThat(claims.getStringListClaim("cognito:groups")).containsExactly("admin");
        assertThat(claims.getIssuer()).isEqualTo(provider.issuer());
        assertThat(claims.getLongClaim("version")).isEqualTo(2L);
        assertThat(claims.getStringClaim("client_id")).isEqualTo(provider.clientId());
        assertThat(claims.getStringClaim("token_use")).isEqualTo("access");
        assertThat(claims.getStringClaim("scope")).isEqualTo("aws.cognito.signin.user.admin");
        assertThat(claims.getStringClaim("username")).isEqualTo(username);
        assertThat(claims.getIssueTime().toInstant()).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(3_600_000L);
        assertThat(claims.getLongClaim("auth_time")).isCloseTo(claims.getIssueTime().getTime() / 1000, within(1L));
        assertThat(claims.getAudience()).isEmpty();
    }

    @Test
    void idTokenCarriesCognitosClaimsAndVerifiesAgainstThePublishedJwks() throws Exception {
        // given
        String username = newUsername();
        String sub = provider.ensureUser(username, PASSWORD, username, Set.of("admin", "staff"));

        // when
        SignedJWT token = SignedJWT.parse(provider.login(username, PASSWORD).idToken());

        // then
        assertThat(verifiesAgainstPublishedJwks(token)).isTrue();
        JWTClaimsSet claims = token.getJWTClaimsSet();
        assertThat(claims.getClaims().keySet()).containsExactlyInAnyOrder("sub", "cognito:groups", "email_verified",
                "iss", "cognito:username", "origin_jti", "aud", "event_id", "token_use", "auth_time", "exp", "iat",
                "jti", "email");
        assertThat(claims.getSubject()).isEqualTo(sub);
        assertThat(claims.getStringListClaim("cognito:groups")).containsExactly("admin", "staff");
        assertThat(claims.getBooleanClaim("email_verified")).isTrue();
        assertThat(claims.getStringClaim("cognito:username")).isEqualTo(username);
        assertThat(claims.getAudience()).containsExactly(provider.clientId());
        assertThat(claims.getStringClaim("token_use")).isEqualTo("id");
        assertThat(claims.getStringClaim("email")).isEqualTo(username);
    }

    @Test
    void groupsClaimIsOmittedForAUserInNoGroup() throws Exception {
        // given
        String username = newUsername();
        provider.ensureUser(username, PASSWORD, username, Set.of());

        // when
        var tokens = provider.login(username, PASSWORD);

        // then
        assertThat(SignedJWT.parse(tokens.accessToken()).getJWTClaimsSet().getClaims()).doesNotContainKey("cognito:groups");
        assertThat(SignedJWT.parse(tokens.idToken()).getJWTClaimsSet().getClaims()).doesNotContainKey("cognito:groups");
    }

    @Test
    void accessAndIdTokensOfOneLoginShareTheSignInButNotTheirIds() throws Exception {
        // given
        String username = newUsername();
        provider.ensureUser(username, PASSWORD, username, Set.of());

        // when
        var tokens = provider.login(username, PASSWORD);

        // then
        JWTClaimsSet access = SignedJWT.parse(tokens.accessToken()).getJWTClaimsSet();
        JWTClaimsSet id = SignedJWT.parse(tokens.idToken()).getJWTClaimsSet();
        assertThat(access.getClaim("origin_jti")).isEqualTo(id.getClaim("origin_jti"));
        assertThat(access.getClaim("event_id")).isEqualTo(id.getClaim("event_id"));
        assertThat(access.getJWTID()).isNotEqualTo(id.getJWTID());
    }

    @Test
    void headerNamesRs256AndAKeyIdThatTheJwksPublishes() throws Exception {
        // given
        String username = newUsername();
        provider.ensureUser(username, PASSWORD, username, Set.of());

        // when
        SignedJWT token = SignedJWT.parse(provider.login(username, PASSWORD).accessToken());

        // then
        assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(Fixtures.keyIds(Fixtures.publishedJwks(provider))).containsExactly(token.getHeader().getKeyID());
    }

    @Test
    void publishedJwksHoldsNoPrivateKeyMaterial() {
        JWKSet jwks = Fixtures.publishedJwks(provider);

        assertThat(jwks.getKeys()).singleElement().satisfies(key -> {
            assertThat(key.isPrivate()).isFalse();
            assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        });
        assertThat(Fixtures.get(provider.jwksUrl()).body()).doesNotContain("\"d\"", "\"p\"", "\"q\"");
    }

    private static boolean verifiesAgainstPublishedJwks(SignedJWT token) throws Exception {
        RSAKey key = (RSAKey) Fixtures.publishedJwks(provider).getKeyByKeyId(token.getHeader().getKeyID());
        return key != null && token.verify(new RSASSAVerifier(key));
    }
}
