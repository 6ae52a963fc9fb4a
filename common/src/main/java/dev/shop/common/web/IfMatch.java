package dev.shop.common.web;

import java.util.OptionalLong;

import io.micronaut.core.annotation.Nullable;

/**
 * The optimistic-concurrency precondition of a write (docs/api.md): an
 * {@code If-Match} header naming the {@code version} the client last saw.
 * Editable resources send {@code ETag: "<version>"}; clients echo it quoted,
 * as HTTP wants, or bare, which is accepted too. {@code *} matches any
 * existing resource, a list matches if any of its tags does, and a weak tag
 * ({@code W/"3"}) never matches, because If-Match compares strongly (RFC 9110).
 *
 * @param header the raw header, or null when the request carries none
 */
public record IfMatch(@Nullable String header) {

    /** Whether the write is conditional on a version at all ({@code *} is not). */
    public boolean isConditional() {
        return header != null && !header.isBlank() && !header.strip().equals("*");
    }

    /** Whether a resource now at {@code currentVersion} satisfies the header. */
    public boolean matches(long currentVersion) {
        if (!isConditional()) {
            return true;
        }
        for (String tag : header.split(",")) {
            OptionalLong version = version(tag.strip());
            if (version.isPresent() && version.getAsLong() == currentVersion) {
                return true;
            }
        }
        return false;
    }

    private static OptionalLong version(String tag) {
        String value = tag;
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        // a weak tag keeps its W/ prefix here and so is no version we issued
        return value.matches("[0-9]{1,18}") ? OptionalLong.of(Long.parseLong(value)) : OptionalLong.empty();
    }

    /** The entity tag of a version, as an {@code ETag} header carries it. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }
}
