package dev.shop.common.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import dev.shop.common.config.ShopSettings;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/**
 * The claims of a bearer token that reaches a service without API Gateway's
 * authorizer, checked at least as strictly as the authorizer checks them, plus
 * the shop's own rule: only Cognito <em>access</em> tokens are accepted
 * ({@link TokenRules}). The exact issuer, {@code token_use} {@code access},
 * the app client in {@code client_id}, a subject, an {@code exp} in the
 * future, and no {@code nbf} or {@code iat} in the future. The signature (an
 * RS256 key of the pool's JWKS) is checked by micronaut-security-jwt before.
 */
@Singleton
final class CognitoClaimsValidator<T> implements GenericJwtClaimsValidator<T> {

    private final String issuer;
    private final String clientId;
    private final Clock clock;

    CognitoClaimsValidator(@Value("${" + ShopSettings.Names.AUTH_ISSUER + "}") String issuer,
                           @Value("${" + ShopSettings.Names.AUTH_CLIENT_ID + "}") String clientId, Clock clock) {
        this.clock = clock;
        this.issuer = issuer;
        this.clientId = clientId;
    }

    @Override
    public boolean validate(@NonNull Claims claims, @Nullable T request) {
        Instant now = clock.instant();
        return issuer.equals(claims.get(Claims.ISSUER))
            && TokenRules.isAccessToken(claims.get(TokenRules.TOKEN_USE))
            && TokenRules.hasSubject(claims.get(Claims.SUBJECT))
            && clientId.equals(claims.get(TokenRules.CLIENT_ID))
            && isAfter(claims.get(Claims.EXPIRATION_TIME), now)
            && notAfter(claims.get(Claims.NOT_BEFORE), now)
            && notAfter(claims.get(Claims.ISSUED_AT), now);
    }

    private static boolean isAfter(@Nullable Object claim, Instant now) {
        Instant instant = instant(claim);
        return instant != null && instant.isAfter(now);
    }

    private static boolean notAfter(@Nullable Object claim, Instant now) {
        if (claim == null) {
            return true;
        }
        Instant instant = instant(claim);
        return instant != null && !instant.isAfter(now);
    }

    /** A JWT date as the claims hold it: a {@link Date} from Nimbus, or seconds since the epoch. */
    @Nullable
    private static Instant instant(@Nullable Object claim) {
        if (claim instanceof Date date) {
            return date.toInstant();
        }
        if (claim instanceof Instant instant) {
            return instant;
        }
        if (claim instanceof Number seconds) {
            return Instant.ofEpochSecond(seconds.longValue());
        }
        return null;
    }
}
