package dev.shop.common.routes;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The format of every id a route carries in its path (CONTRACT.md: "path ids
 * are checked by their format before any lookup"). An id that cannot be one
 * the shop issued is answered 404 at the edge, before any DynamoDB call, so a
 * 2,000-character or multi-byte "id" never reaches a key (DynamoDB refuses
 * keys over 2 KiB with an error, not an empty result).
 */
public enum PathIds {

    /** Catalog issues {@code UUID.randomUUID().toString()}: 36 characters, lower-case hex. */
    PRODUCT("product", "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
    /** Orders issues ULIDs: 26 characters of Crockford base32, upper case. */
    ORDER("order", "[0-9A-HJKMNP-TV-Z]{26}");

    /** Each route path parameter and the id it holds, by the route template that introduces it. */
    private static final Map<String, PathIds> BY_TEMPLATE = Map.of(
        "/catalog/products/{id}", PRODUCT,
        "/cart/items/{productId}", PRODUCT,
        "/orders/{id}", ORDER);

    private final String noun;
    private final Pattern format;

    PathIds(String noun, String format) {
        this.noun = noun;
        this.format = Pattern.compile(format);
    }

    /** The word a 404 uses for this kind of id ("No product ..."). */
    public String noun() {
        return noun;
    }

    /**
     * The format as a Java regular expression that must match the whole id: what {@code PathIdFilter}
     * enforces, and what the API document's path parameters carry as their {@code pattern}.
     */
    public String format() {
        return format.pattern();
    }

    public boolean isWellFormed(String id) {
        return id != null && format.matcher(id).matches();
    }

    /** The kind of id a route's path parameter holds, or empty if it is not one of the known templates. */
    public static Optional<PathIds> of(Route route, String parameter) {
        return BY_TEMPLATE.entrySet().stream()
            .filter(entry -> entry.getKey().endsWith("{" + parameter + "}") && route.path().startsWith(entry.getKey()))
            .map(Map.Entry::getValue)
            .findFirst();
    }
}
