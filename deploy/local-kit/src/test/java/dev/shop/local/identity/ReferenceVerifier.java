package dev.shop.local.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.Date;

/**
 * The checks the contract asks of the services' verifier, one at a time, so
 * a test can tell which one a token fails. Only for tests of this module.
 */
final class ReferenceVerifier {

    enum Verdict {
        VALID, NOT_SIGNED, WRONG_ALGORITHM, UNKNOWN_KEY, BAD_SIGNATURE, WRONG_ISSUER, WRONG_CLIENT, NO_EXPIRY, EXPIRED,
        NOT_YET_VALID
    }

    private final JWKSet jwks;
    private final String issuer;
    private final String clientId;

    ReferenceVerifier(JWKSet jwks, String issuer, String clientId) {
        this.jwks = jwks;
        this.issuer = issuer;
        this.clientId = clientId;
    }

    Verdict check(String token) throws ParseException, JOSEException {
        JWT jwt = JWTParser.parse(token);
        if (!(jwt instanceof SignedJWT signed)) {
            return Verdict.NOT_SIGNED;
        }
        if (!JWSAlgorithm.RS256.equals(signed.getHeader().getAlgorithm())) {
            return Verdict.WRONG_ALGORITHM;
        }
        JWK key = jwks.getKeyByKeyId(signed.getHeader().getKeyID());
        if (key == null) {
            return Verdict.UNKNOWN_KEY;
        }
        if (!signed.verify(new RSASSAVerifier(key.toRSAKey()))) {
            return Verdict.BAD_SIGNATURE;
        }
        JWTClaimsSet claims = signed.getJWTClaimsSet();
        if (!issuer.equals(claims.getIssuer())) {
            return Verdict.WRONG_ISSUER;
        }
        boolean forClient = "access".equals(claims.getStringClaim("token_use"))
                ? clientId.equals(claims.getStringClaim("client_id"))
                : claims.getAudience().contains(clientId);
        if (!forClient) {
            return Verdict.WRONG_CLIENT;
        }
        Date now = new Date();
        if (claims.getExpirationTime() == null) {
            return Verdict.NO_EXPIRY;
        }
        if (!claims.getExpirationTime().after(now)) {
            return Verdict.EXPIRED;
        }
        if (claims.getNotBeforeTime() != null && claims.getNotBeforeTime().after(now)) {
            return Verdict.NOT_YET_VALID;
        }
        return Verdict.VALID;
    }
}
