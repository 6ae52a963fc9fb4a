package dev.shop.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.shop.local.identity.IdentityProviderConfig;
import dev.shop.local.identity.LocalIdentityProvider;
import dev.shop.local.identity.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local authorizer accepts and refuses what API Gateway's JWT authorizer
 * does. Each test quotes the rule it checks from the API Gateway developer
 * guide, "Control access to HTTP APIs with JWT authorizers in API Gateway",
 * section "Authorizing API requests with a JWT authorizer".
 */
class JwtAuthorizerTest {

    private static LocalIdentityProvider identity;
    private static TestTokens tokens;
    private static JwtAuthorizer authorizer;

    @BeforeAll
    static void start() {
        identity = LocalIdentityProvider.start(IdentityProviderConfig.inMemory());
        tokens = TestTokens.of(identity);
        authorizer = new JwtAuthorizer(identity.issuer(), identity.clientId());
    }

    @AfterAll
    static void stop() {
        identity.close();
    }

    private static boolean accepts(String token) {
        return authorizer.authorize("Bearer " + token).isPresent();
    }

    private static JWTClaimsSet.Builder valid() {
        return tokens.accessClaims("user-" + System.nanoTime(), Set.of());
    }

    private static Date inSeconds(long seconds) {
        return Date.from(Instant.now().plusSeconds(seconds));
    }

    @Test
    void identitySourceMayHoldTheTokenAloneOrPrefixedWithBearer() {
        // "The identitySource can include only the token, or the token prefixed with Bearer."
        String token = tokens.signedByPool(valid().build());

        assertThat(authorizer.authorize("Bearer " + token)).isPresent();
        assertThat(authorizer.authorize(token)).isPresent();
        assertThat(authorizer.authorize(null)).isEmpty();
    }

    @Test
    void kidMustNameTheKeyThatSignedTheToken() {
        // "kid – The token must have a header claim that matches the key in the jwks_uri that signed the token."
        assertThat(accepts(tokens.signedByPoolWithoutKeyId(valid().build()))).isFalse();
        assertThat(accepts(tokens.forgedAccessToken(TestTokens.Forgery.UNKNOWN_KID, "u", Set.of()))).isFalse();
        assertThat(accepts(tokens.forgedAccessToken(TestTokens.Forgery.FOREIGN_KEY, "u", Set.of()))).isFalse();
    }

    @Test
    void algorithmMustBeRsaBasedWithTheIssuersKey() {
        // "Check the token's algorithm and signature by using the public key that is fetched from the issuer's
        // jwks_uri. Currently, only RSA-based algorithms are supported."
        assertThat(accepts(tokens.forgedAccessToken(TestTokens.Forgery.ALG_NONE, "u", Set.of()))).isFalse();
        assertThat(accepts(tokens.forgedAccessToken(TestTokens.Forgery.HS256_WITH_PUBLIC_KEY, "u", Set.of()))).isFalse();
        // the pool's JWKS publishes its key for RS256 ("alg":"RS256"): no key verifies an RS384 signature
        assertThat(accepts(tokens.forgedAccessToken(TestTokens.Forgery.RS384_WITH_POOL_KEY, "u", Set.of()))).isFalse();
    }

    @Test
    void issuerMustMatchTheConfiguredIssuer() {
        // "iss – Must match the issuer that is configured for the authorizer."
        assertThat(accepts(tokens.signedByPool(valid().issuer(identity.issuer() + "x").build()))).isFalse();
        assertThat(accepts(tokens.signedByPool(valid().issuer(null).build()))).isFalse();
    }

    @Test
    void audIsEvaluatedWhenPresentAndClientIdOnlyWithoutAud() {
        // "aud or client_id – Must match one of the audience entries that is configured for the authorizer.
        // API Gateway validates client_id only if aud is not present. When both aud and client_id are present,
        // API Gateway evaluates aud."
        String client = identity.clientId();

        assertThat(accepts(tokens.signedByPool(valid().claim("client_id", client).build()))).isTrue();
        assertThat(accepts(tokens.signedByPool(valid().claim("client_id", "other").build()))).isFalse();
        assertThat(accepts(tokens.signedByPool(valid().claim("client_id", null).audience(client).build()))).isTrue();
        assertThat(accepts(tokens.signedByPool(valid().claim("client_id", client).audience("other").build()))).isFalse();
        assertThat(accepts(tokens.signedByPool(valid().claim("client_id", "other").audience(List.of("x", client)).build())))
            .isTrue();
        assertThat(accepts(tokens.signedByPool(valid().claim("client_id", null).build()))).isFalse();
    }

    @Test
    void expMustBeAfterTheCurrentTime() {
        // "exp – Must be after the current time in UTC."
        assertThat(accepts(tokens.signedByPool(valid().expirationTime(inSeconds(-1)).build()))).isFalse();
        assertThat(accepts(tokens.signedByPool(valid().expirationTime(null).build()))).isFalse();
        assertThat(accepts(tokens.signedByPool(valid().expirationTime(inSeconds(60)).build()))).isTrue();
    }

    @Test
    void nbfMustBeBeforeTheCurrentTime() {
        // "nbf – Must be before the current time in UTC."
        assertThat(accepts(tokens.signedByPool(valid().notBeforeTime(inSeconds(60)).build()))).isFalse();
        assertThat(accepts(tokens.signedByPool(valid().notBeforeTime(inSeconds(-60)).build()))).isTrue();
    }

    @Test
    void iatMustBeBeforeTheCurrentTime() {
        // "iat – Must be before the current time in UTC."
        assertThat(accepts(tokens.signedByPool(valid().issueTime(inSeconds(60)).build()))).isFalse();
        assertThat(accepts(tokens.signedByPool(valid().issueTime(inSeconds(-60)).build()))).isTrue();
    }

    @Test
    void tokenUseIsNotAmongTheClaimsApiGatewayEvaluates() {
        // The guide's list of evaluated claims is kid, iss, aud or client_id, exp, nbf, iat, scope; and "There is
        // no standard mechanism to differentiate JWT access tokens from other types of JWTs, such as OpenID
        // Connect ID tokens." An ID token of the app client passes the authorizer; the functions refuse it.
        assertThat(accepts(tokens.idToken("u-" + System.nanoTime(), Set.of()))).isTrue();
        assertThat(accepts(tokens.signedByPool(valid().claim("token_use", "refresh").build()))).isTrue();
    }

    @Test
    void claimsArePassedOnFlattenedToStrings() {
        // "After validating the JWT, API Gateway passes the claims in the token to the API route's integration."
        String token = tokens.accessToken("user-7", Set.of("admin", "users"));

        assertThat(authorizer.authorize("Bearer " + token).orElseThrow())
            .containsEntry("sub", "user-7")
            .containsEntry("token_use", "access")
            .hasEntrySatisfying("cognito:groups", groups -> assertThat(groups).isIn("[admin users]", "[users admin]"));
    }
}
