package dev.shop.local.identity;

import java.time.Instant;

/**
 * What a refresh token stands for. Only the token's SHA-256 is kept, so the
 * state directory does not hold live credentials.
 *
 * @param expiresAt epoch seconds
 * @param authTime  epoch seconds of the original sign-in
 */
record RefreshGrant(String tokenHash, String username, String originJti, long authTime, long expiresAt) {

    boolean expiredAt(Instant now) {
        return now.getEpochSecond() >= expiresAt;
    }
}
