package dev.shop.orders.web;

import io.micronaut.core.annotation.Nullable;

/**
 * The optimistic-concurrency precondition of a write (CONTRACT.md): an
 * {@code If-Match} header holding the resource's {@code version}, quoted as an
 * entity tag ({@code "3"}) or bare ({@code 3}); {@code *} matches any version.
 */
public final class IfMatch {

    private IfMatch() {
    }

    /** Whether a write carrying this header may change a resource now at {@code currentVersion}. */
    public static boolean allows(@Nullable String header, long currentVersion) {
        if (header == null || header.isBlank()) {
            return true;
        }
        for (String tag : header.split(",")) {
            String value = tag.strip();
            if (value.equals("*")) {
                return true;
            }
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            if (value.equals(Long.toString(currentVersion))) {
                return true;
            }
        }
        return false;
    }

    /** The entity tag of a version, as an {@code ETag} header carries it. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }
}
