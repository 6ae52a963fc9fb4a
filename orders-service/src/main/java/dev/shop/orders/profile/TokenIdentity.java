package dev.shop.orders.profile;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;

/**
 * Who is asking for their profile: the token's {@code sub}, and the email
 * the identity provider has verified for that account ({@link AccountEmails};
 * no token claim is trusted for it). The display name a new profile starts
 * with is the email's local part, or "Shopper" for an account without one.
 */
record TokenIdentity(String userId, @Nullable String email, String displayName) {

    private static final int MAX_DISPLAY_NAME = 100;

    static TokenIdentity of(Authentication authentication, @Nullable String verifiedEmail) {
        String displayName = verifiedEmail != null ? verifiedEmail.substring(0, verifiedEmail.indexOf('@')) : "Shopper";
        if (displayName.length() > MAX_DISPLAY_NAME) {
            displayName = displayName.substring(0, MAX_DISPLAY_NAME);
        }
        return new TokenIdentity(authentication.getName(), verifiedEmail, displayName);
    }
}
