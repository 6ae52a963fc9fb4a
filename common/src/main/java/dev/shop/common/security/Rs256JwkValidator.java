package dev.shop.common.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.security.token.jwt.signature.jwks.DefaultJwkValidator;
import jakarta.inject.Singleton;

/**
 * A bearer token's signature counts only if it is RS256, the one algorithm
 * Cognito signs with, by the pool key its header's {@code kid} names.
 * Micronaut's default accepts any algorithm the key type can verify, so an
 * RS384 or PS256 signature by the pool's RSA key would pass; API Gateway
 * requires the {@code kid} as well.
 */
@Singleton
@Replaces(DefaultJwkValidator.class)
final class Rs256JwkValidator extends DefaultJwkValidator {

    @Override
    public boolean validate(SignedJWT jwt, JWK jwk) {
        String keyId = jwt.getHeader().getKeyID();
        return JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
            && keyId != null && keyId.equals(jwk.getKeyID())
            && super.validate(jwt, jwk);
    }
}
