package dev.shop.catalog.product;

import java.util.OptionalLong;

import io.micronaut.core.annotation.Nullable;

/**
 * The version an {@code If-Match} header asks for. Products carry an integer
 * {@code version} and send it back as {@code ETag: "<version>"}; clients echo
 * it quoted, as HTTP wants, or bare, which is accepted too.
 *
 * @param header the raw header, or null when the request carries none
 */
record IfMatch(@Nullable String header) {

    static IfMatch absent() {
        return new IfMatch(null);
    }

    /** Whether the write is conditional at all ({@code *} matches any existing product). */
    boolean isConditional() {
        return header != null && !header.isBlank() && !header.trim().equals("*");
    }

    /**
     * Whether the stored version satisfies the header. A header naming no
     * version we could have issued (not an integer) never matches, as HTTP
     * defines for an entity tag that matches nothing.
     */
    boolean matches(long storedVersion) {
        if (!isConditional()) {
            return true;
        }
        OptionalLong requested = requestedVersion();
        return requested.isPresent() && requested.getAsLong() == storedVersion;
    }

    OptionalLong requestedVersion() {
        if (!isConditional()) {
            return OptionalLong.empty();
        }
        // a weak tag (W/"3") is left as it is and never matches: If-Match compares strongly
        String tag = header.trim();
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        if (!tag.matches("[0-9]{1,18}")) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(tag));
    }

    /** The entity tag of a product version, as sent in {@code ETag}. */
    static String etag(long version) {
        return "\"" + version + "\"";
    }
}
