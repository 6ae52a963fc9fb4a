package dev.shop.orders.profile;

import java.util.Locale;
import java.util.regex.Pattern;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;

/**
 * What a first {@code GET /profile} can learn about the user from the token.
 * ID tokens carry {@code email}; access tokens (what the shop's clients send)
 * carry only {@code username}. The shop's sign-up uses the email as the
 * username, so a username that is an email address is taken as the email;
 * otherwise the profile starts without one until the user sets it. The
 * display name starts as the email's local part, or the username.
 */
record TokenIdentity(String userId, @Nullable String email, String displayName) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    static TokenIdentity of(Authentication authentication) {
        String username = claim(authentication, "username");
        if (username == null) {
            username = claim(authentication, "cognito:username");
        }
        String email = claim(authentication, "email");
        if (email == null && username != null && EMAIL.matcher(username).matches()) {
            email = username;
        }
        String displayName = email != null ? email.substring(0, email.indexOf('@'))
            : username != null ? username : "Shopper";
        if (displayName.length() > 100) {
            displayName = displayName.substring(0, 100);
        }
        return new TokenIdentity(authentication.getName(), email == null ? null : email.toLowerCase(Locale.ROOT), displayName);
    }

    @Nullable
    private static String claim(Authentication authentication, String name) {
        Object value = authentication.getAttributes().get(name);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
