package dev.shop.common.email;

import java.util.regex.Pattern;

import io.micronaut.core.annotation.Nullable;

/**
 * The shop's one rule for what an email address looks like: something, an
 * {@code @}, a domain with a dot, no spaces, at most 254 characters (the
 * longest address SMTP carries). Deliberately loose: the identity provider
 * proves an address by sending to it, so this only refuses what cannot be one.
 * The profile search and the local identity provider both apply it.
 */
public final class EmailAddress {

    /** RFC 5321's limit on a forward path, less the angle brackets. */
    public static final int MAX_LENGTH = 254;
    private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private EmailAddress() {
    }

    public static boolean isValid(@Nullable String email) {
        return email != null && email.length() <= MAX_LENGTH && SHAPE.matcher(email).matches();
    }
}
