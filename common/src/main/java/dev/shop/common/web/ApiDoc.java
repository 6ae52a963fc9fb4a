package dev.shop.common.web;

/**
 * Names the controllers' OpenAPI annotations share (docs/api.md). Only constants: the Swagger annotations
 * are on the services' compile path alone, and nothing here is loaded by a function at run time.
 */
public final class ApiDoc {

    /** The Cognito user pool's bearer token scheme (API Gateway's JWT authorizer, or the local gateway's). */
    public static final String BEARER = "cognito";
    /** The operation extension that names the Cognito group a route requires beyond a valid token. */
    public static final String GROUP_EXTENSION = "x-shop-group";
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
