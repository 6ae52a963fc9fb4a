package dev.shop.local.identity;

import java.util.Objects;
import java.util.Optional;

/**
 * What a successful {@code InitiateAuth} returns. A refresh only renews the
 * access and ID tokens, so {@code refreshToken} is empty then, as in Cognito.
 */
public record AuthTokens(String accessToken, String idToken, Optional<String> refreshToken, int expiresIn) {

    /** Cognito's default access and ID token lifetime, in seconds. */
    public static final int EXPIRES_IN_SECONDS = 3600;

    public AuthTokens {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(idToken, "idToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
    }
}
