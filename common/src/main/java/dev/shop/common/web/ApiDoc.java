package dev.shop.common.web;

/**
 * Texts the controllers' OpenAPI annotations share (docs/api.md). Security, the admin group, path id
 * patterns and the statuses every route shares are not annotated at all: the api module's merge adds them
 * from {@code Routes.ALL} and {@code PathIds}. Only constants: the Swagger annotations
 * are on the services' compile path alone, and nothing here is loaded by a function at run time.
 */
public final class ApiDoc {

    public static final String ETAG = "The resource's version as a strong entity tag; send it back in If-Match to change it.";
    public static final String IF_MATCH = "Optional precondition: the ETag last read (quoted or bare, * for any). "
        + "A write to another version fails with 412 and changes nothing.";
    public static final String LOCATION = "The path of the created resource.";
    public static final String CURSOR = "The nextCursor of the previous page; absent for the first page. "
        + "Cursors are opaque, signed and bound to the query that made them.";
    public static final String LIMIT = "Items per page, 1 to 100.";

    private ApiDoc() {
    }
}
