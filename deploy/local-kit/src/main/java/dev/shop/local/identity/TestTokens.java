package dev.shop.local.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * Tokens for the services' security tests, minted against a running
 * {@link LocalIdentityProvider}: valid ones for any {@code sub} and groups
 * without a sign-up, and forgeries a verifier must refuse. Each forgery
 * differs from a valid token in its one defect only and otherwise carries
 * Cognito's full claim set, so a verifier that refuses it refuses it for
 * the right reason.
 */
public final class TestTokens {

    /** The ways a token can be wrong that the contract says must be answered with 401. */
    public enum Forgery {
        /** Correctly signed, but its {@code exp} passed an hour ago. */
        EXPIRED,
        /** Correctly signed, but issued by another user pool on the same host. */
        WRONG_ISSUER,
        /** Correctly signed, but for another app client ({@code client_id}, or {@code aud} on an ID token). */
        WRONG_CLIENT,
        /** Unsigned: header {@code {"alg":"none"}} and an empty signature. */
        ALG_NONE,
        /**
         * HMAC-SHA256 keyed with the pool's public key (its X.509 encoding),
         * with the pool's {@code kid}: the algorithm-confusion attack on
         * verifiers that take the algorithm from the token.
         */
        HS256_WITH_PUBLIC_KEY,
        /** Signed with the pool's key, but naming a {@code kid} the JWKS does not publish. */
        UNKNOWN_KID,
        /** Signed with another RSA key while claiming the pool's {@code kid}. */
        FOREIGN_KEY,
        /** Correctly signed, but without an {@code exp}: a token that would never expire. */
        NO_EXPIRY,
        /** Correctly signed, but its {@code nbf} is an hour ahead. */
        NOT_YET_VALID,
        /** Signed with the pool's key and {@code kid}, but RS384 where the pool signs RS256 only. */
        RS384_WITH_POOL_KEY
    }

    private enum Use { ACCESS, ID }

    private static final Duration LIFETIME = Duration.ofSeconds(AuthTokens.EXPIRES_IN_SECONDS);
    private static final String OTHER_POOL = "us-east-1_otherPool";
    private static final String OTHER_CLIENT = "someotherappclient";

    private final SigningKey key;
    private final String issuer;
    private final String clientId;

    private TestTokens(SigningKey key, String issuer, String clientId) {
        this.key = key;
        this.issuer = issuer;
        this.clientId = clientId;
    }

    public static TestTokens of(LocalIdentityProvider provider) {
        return new TestTokens(provider.signingKey(), provider.issuer(), provider.clientId());
    }

    /** A valid access token; its {@code username} is the {@code sub}, as in pools that sign in by email. */
    public String accessToken(String sub, Set<String> groups) {
        return key.sign(claims(Use.ACCESS, subject(sub, defaultEmail(sub), groups), issuer, clientId, Instant.now()));
    }

    /** A valid ID token with the email {@code <sub>@example.com}. */
    public String idToken(String sub, Set<String> groups) {
        return idToken(sub, defaultEmail(sub), groups);
    }

    public String idToken(String sub, String email, Set<String> groups) {
        return key.sign(claims(Use.ID, subject(sub, email, groups), issuer, clientId, Instant.now()));
    }

    public String forgedAccessToken(Forgery forgery, String sub, Set<String> groups) {
        return forge(forgery, Use.ACCESS, subject(sub, defaultEmail(sub), groups));
    }

    public String forgedIdToken(Forgery forgery, String sub, Set<String> groups) {
        return forge(forgery, Use.ID, subject(sub, defaultEmail(sub), groups));
    }

    private String forge(Forgery forgery, Use use, TokenSubject subject) {
        Instant now = Instant.now();
        return switch (forgery) {
            case EXPIRED -> key.sign(claims(use, subject, issuer, clientId, now.minus(LIFETIME.multipliedBy(2))));
            case WRONG_ISSUER -> key.sign(claims(use, subject, otherPoolIssuer(), clientId, now));
            case WRONG_CLIENT -> key.sign(claims(use, subject, issuer, OTHER_CLIENT, now));
            case ALG_NONE -> new PlainJWT(claims(use, subject, issuer, clientId, now)).serialize();
            case HS256_WITH_PUBLIC_KEY -> sign(claims(use, subject, issuer, clientId, now), JWSAlgorithm.HS256,
                    key.keyId(), hmacWithPublicKey());
            case UNKNOWN_KID -> sign(claims(use, subject, issuer, clientId, now), JWSAlgorithm.RS256,
                    "unknown-" + UUID.randomUUID(), rsaSigner(key.jwk()));
            case FOREIGN_KEY -> sign(claims(use, subject, issuer, clientId, now), JWSAlgorithm.RS256,
                    key.keyId(), rsaSigner(ForeignKey.KEY));
            case NO_EXPIRY -> key.sign(new JWTClaimsSet.Builder(claims(use, subject, issuer, clientId, now))
                    .expirationTime(null).build());
            case NOT_YET_VALID -> key.sign(new JWTClaimsSet.Builder(claims(use, subject, issuer, clientId, now))
                    .notBeforeTime(Date.from(now.plus(LIFETIME))).build());
            case RS384_WITH_POOL_KEY -> sign(claims(use, subject, issuer, clientId, now), JWSAlgorithm.RS384,
                    key.keyId(), rsaSigner(key.jwk()));
        };
    }

    /** The claims of a valid access token, to change one at a time in a test. */
    public JWTClaimsSet.Builder accessClaims(String sub, Set<String> groups) {
        return new JWTClaimsSet.Builder(claims(Use.ACCESS, subject(sub, defaultEmail(sub), groups), issuer, clientId,
                Instant.now()));
    }

    /** {@code claims} signed RS256 by the pool's key, with its {@code kid}: whatever they say. */
    public String signedByPool(JWTClaimsSet claims) {
        return key.sign(claims);
    }

    /** {@code claims} signed RS256 by the pool's key, with no {@code kid} in the header. */
    public String signedByPoolWithoutKeyId(JWTClaimsSet claims) {
        return sign(claims, JWSAlgorithm.RS256, null, rsaSigner(key.jwk()));
    }

    private JWTClaimsSet claims(Use use, TokenSubject subject, String tokenIssuer, String tokenClient,
                                Instant issuedAt) {
        Session session = new Session(UUID.randomUUID().toString(), UUID.randomUUID().toString(), issuedAt);
        Instant expiresAt = issuedAt.plus(LIFETIME);
        return use == Use.ACCESS
                ? CognitoClaims.access(tokenIssuer, tokenClient, subject, session, issuedAt, expiresAt)
                : CognitoClaims.id(tokenIssuer, tokenClient, subject, session, issuedAt, expiresAt);
    }

    private String otherPoolIssuer() {
        return issuer.substring(0, issuer.lastIndexOf('/') + 1) + OTHER_POOL;
    }

    private JWSSigner hmacWithPublicKey() {
        try {
            return new MACSigner(key.jwk().toRSAPublicKey().getEncoded());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot key HMAC with the public key", e);
        }
    }

    private static JWSSigner rsaSigner(RSAKey rsaKey) {
        try {
            return new RSASSASigner(rsaKey);
        } catch (JOSEException e) {
            throw new IllegalStateException("unusable RSA key", e);
        }
    }

    private static String sign(JWTClaimsSet claims, JWSAlgorithm algorithm, String keyId, JWSSigner signer) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(keyId).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(algorithm + " signing failed", e);
        }
        return jwt.serialize();
    }

    private static TokenSubject subject(String sub, String email, Set<String> groups) {
        return new TokenSubject(sub, sub, email, groups);
    }

    private static String defaultEmail(String sub) {
        return sub + "@example.com";
    }

    /** Made on first use only: generating an RSA key takes a noticeable moment. */
    private static final class ForeignKey {
        static final RSAKey KEY = generate();

        private static RSAKey generate() {
            try {
                return new RSAKeyGenerator(2048).generate();
            } catch (JOSEException e) {
                throw new IllegalStateException("cannot generate an RSA key", e);
            }
        }
    }
}
