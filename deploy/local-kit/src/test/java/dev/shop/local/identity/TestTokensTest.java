package dev.shop.local.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import dev.shop.local.identity.ReferenceVerifier.Verdict;
import dev.shop.local.identity.TestTokens.Forgery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Each minted token is what it claims to be: valid ones pass a strict verifier, each forgery fails it for its one defect. */
class TestTokensTest {

    private static final Set<String> ACCESS_CLAIMS = Set.of("sub", "cognito:groups", "iss", "version", "client_id",
            "origin_jti", "event_id", "token_use", "scope", "auth_time", "exp", "iat", "jti", "username");
    private static final Set<String> ID_CLAIMS = Set.of("sub", "cognito:groups", "email_verified", "iss",
            "cognito:username", "origin_jti", "aud", "event_id", "token_use", "auth_time", "exp", "iat", "jti", "email");
    private static final Map<Forgery, Verdict> EXPECTED = Map.of(
            Forgery.EXPIRED, Verdict.EXPIRED,
            Forgery.WRONG_ISSUER, Verdict.WRONG_ISSUER,
            Forgery.WRONG_CLIENT, Verdict.WRONG_CLIENT,
            Forgery.ALG_NONE, Verdict.NOT_SIGNED,
            Forgery.HS256_WITH_PUBLIC_KEY, Verdict.WRONG_ALGORITHM,
            Forgery.UNKNOWN_KID, Verdict.UNKNOWN_KEY,
            Forgery.FOREIGN_KEY, Verdict.BAD_SIGNATURE,
            Forgery.NO_EXPIRY, Verdict.NO_EXPIRY,
            Forgery.NOT_YET_VALID, Verdict.NOT_YET_VALID,
            Forgery.RS384_WITH_POOL_KEY, Verdict.WRONG_ALGORITHM);

    private static LocalIdentityProvider provider;
    private static TestTokens tokens;
    private static ReferenceVerifier verifier;

    @BeforeAll
    static void startProvider() {
        provider = LocalIdentityProvider.start(IdentityProviderConfig.inMemory());
        tokens = TestTokens.of(provider);
        verifier = new ReferenceVerifier(Fixtures.publishedJwks(provider), provider.issuer(), provider.clientId());
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    @Test
    void validAccessTokenForAnySubPassesAStrictVerifier() throws Exception {
        // when
        String token = tokens.accessToken("shopper-1", Set.of("admin"));

        // then
        assertThat(verifier.check(token)).isEqualTo(Verdict.VALID);
        var claims = JWTParser.parse(token).getJWTClaimsSet();
        assertThat(claims.getClaims().keySet()).isEqualTo(ACCESS_CLAIMS);
        assertThat(claims.getSubject()).isEqualTo("shopper-1");
        assertThat(claims.getStringListClaim("cognito:groups")).containsExactly("admin");
    }

    @Test
    void validIdTokenForAnySubPassesAStrictVerifier() throws Exception {
        // when
        String token = tokens.idToken("shopper-2", "shopper-2@shop.test", Set.of("staff"));

        // then
        assertThat(verifier.check(token)).isEqualTo(Verdict.VALID);
        var claims = JWTParser.parse(token).getJWTClaimsSet();
        assertThat(claims.getClaims().keySet()).isEqualTo(ID_CLAIMS);
        assertThat(claims.getStringClaim("email")).isEqualTo("shopper-2@shop.test");
    }

    @TestFactory
    List<DynamicTest> eachForgedAccessTokenFailsForItsOwnDefectOnly() {
        return Arrays.stream(Forgery.values()).map(forgery -> DynamicTest.dynamicTest(forgery.name(), () -> {
            String token = tokens.forgedAccessToken(forgery, "shopper-3", Set.of("admin"));

            assertThat(verifier.check(token)).isEqualTo(EXPECTED.get(forgery));
            assertThat(JWTParser.parse(token).getJWTClaimsSet().getClaims().keySet())
                    .isEqualTo(claimsOf(forgery, ACCESS_CLAIMS));
        })).toList();
    }

    @TestFactory
    List<DynamicTest> eachForgedIdTokenFailsForItsOwnDefectOnly() {
        return Arrays.stream(Forgery.values()).map(forgery -> DynamicTest.dynamicTest(forgery.name(), () -> {
            String token = tokens.forgedIdToken(forgery, "shopper-4", Set.of("admin"));

            assertThat(verifier.check(token)).isEqualTo(EXPECTED.get(forgery));
            assertThat(JWTParser.parse(token).getJWTClaimsSet().getClaims().keySet())
                    .isEqualTo(claimsOf(forgery, ID_CLAIMS));
        })).toList();
    }

    /** A forgery carries Cognito's full claim set, but for the claim its defect is about. */
    private static Set<String> claimsOf(Forgery forgery, Set<String> valid) {
        Set<String> claims = new HashSet<>(valid);
        if (forgery == Forgery.NO_EXPIRY) {
            claims.remove("exp");
        } else if (forgery == Forgery.NOT_YET_VALID) {
            claims.add("nbf");
        }
        return claims;
    }

    @Test
    void hs256ForgeryIsKeyedWithThePublicKeyAndNamesTheRealKid() throws Exception {
        // given
        RSAKey published = Fixtures.publishedJwks(provider).getKeys().get(0).toRSAKey();

        // when
        SignedJWT token = SignedJWT.parse(tokens.forgedAccessToken(Forgery.HS256_WITH_PUBLIC_KEY, "x", Set.of()));

        // then
        assertThat(token.getHeader().getKeyID()).isEqualTo(published.getKeyID());
        assertThat(token.verify(new MACVerifier(published.toRSAPublicKey().getEncoded()))).isTrue();
    }

    @Test
    void unknownKidForgeryCarriesAGenuineSignature() throws Exception {
        // given
        RSAKey published = Fixtures.publishedJwks(provider).getKeys().get(0).toRSAKey();

        // when
        SignedJWT token = SignedJWT.parse(tokens.forgedAccessToken(Forgery.UNKNOWN_KID, "x", Set.of()));

        // then
        assertThat(token.getHeader().getKeyID()).isNotEqualTo(published.getKeyID());
        assertThat(token.verify(new RSASSAVerifier(published))).isTrue();
    }

    @Test
    void algNoneForgeryHasAnEmptySignature() {
        String token = tokens.forgedAccessToken(Forgery.ALG_NONE, "x", Set.of());

        assertThat(token).endsWith(".");
        assertThat(token.split("\\.", -1)).hasSize(3);
    }
}
