package dev.shop.common.security;

import java.util.Collection;
import java.util.List;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/**
 * What API Gateway's JWT authorizer checks, checked again for bearer tokens
 * that reach a service directly: the exact Cognito issuer, a Cognito token
 * type, and the app client ({@code client_id} on access tokens, {@code aud}
 * on ID tokens). Signature and expiry are checked by micronaut-security-jwt.
 */
@Singleton
final class CognitoClaimsValidator<T> implements GenericJwtClaimsValidator<T> {

    private final String issuer;
    private final String clientId;

    CognitoClaimsValidator(@Value("${shop.auth.issuer}") String issuer,
                           @Value("${shop.auth.client-id}") String clientId) {
        this.issuer = issuer;
        this.clientId = clientId;
    }

    @Override
    public boolean validate(@NonNull Claims claims, @Nullable T request) {
        if (!issuer.equals(claims.get(Claims.ISSUER))) {
            return false;
        }
        Object tokenUse = claims.get("token_use");
        if ("access".equals(tokenUse)) {
            return clientId.equals(claims.get("client_id"));
        }
        if ("id".equals(tokenUse)) {
            return audience(claims.get(Claims.AUDIENCE)).contains(clientId);
        }
        return false;
    }

    private static Collection<?> audience(@Nullable Object aud) {
        if (aud instanceof Collection<?> values) {
            return values;
        }
        return aud == null ? List.of() : List.of(aud);
    }
}
