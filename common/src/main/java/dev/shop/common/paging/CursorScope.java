package dev.shop.common.paging;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import io.micronaut.core.annotation.Nullable;

/**
 * What a cursor is bound to (CONTRACT.md): the listing it pages through and
 * every parameter that shapes that listing's Query (the category, the
 * threshold, the idle time, the status, the user). A cursor is sealed with
 * its scope as associated data, so one replayed with any other parameter
 * fails authentication and is a 400, before DynamoDB sees a start key that
 * may lie outside the other Query's bounds. The page size is not part of the
 * scope: it changes how much comes back, not where the listing goes.
 *
 * @param listing    the route's listing, e.g. {@code cart/admin/abandoned}
 * @param parameters each shaping parameter by name; null for one the request left out
 */
public record CursorScope(String listing, Map<String, String> parameters) {

    public CursorScope {
        parameters = Collections.unmodifiableMap(new TreeMap<>(parameters));
    }

    public static CursorScope of(String listing) {
        return new CursorScope(listing, Map.of());
    }

    /** This scope, also bound to {@code name} having {@code value} (null: the parameter is absent). */
    public CursorScope with(String name, @Nullable Object value) {
        Map<String, String> more = new HashMap<>(parameters);
        more.put(name, value == null ? null : value.toString());
        return new CursorScope(listing, more);
    }

    /**
     * The bytes sealed with the cursor. Each part is length-prefixed, so no
     * choice of values can make two different scopes read alike.
     */
    byte[] associatedData() {
        StringBuilder data = new StringBuilder();
        append(data, listing);
        parameters.forEach((name, value) -> {
            append(data, name);
            if (value == null) {
                data.append('-');
            } else {
                data.append('=');
                append(data, value);
            }
        });
        return data.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void append(StringBuilder data, String part) {
        data.append(part.length()).append(':').append(part);
    }
}
