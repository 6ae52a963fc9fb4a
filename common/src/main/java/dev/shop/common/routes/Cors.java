package dev.shop.common.routes;

import java.util.List;

/**
 * The API's CORS configuration, read by the CDK stack (the HTTP API's
 * {@code corsPreflight}) and by the local gateway, which answers exactly as
 * API Gateway does with it. The storefront is served from its own origin
 * (CloudFront on AWS, its own port locally), so every browser call to the
 * API is cross-origin and a CORS mistake shows up on this machine first.
 */
public final class Cors {

    public static final List<String> ALLOWED_METHODS = List.of("GET", "POST", "PUT", "DELETE", "OPTIONS");
    /** Request headers the storefront sends; API Gateway compares them case-insensitively. */
    public static final List<String> ALLOWED_HEADERS = List.of("authorization", "content-type", "if-match", "idempotency-key");
    /** Response headers the storefront reads: the product's version, a created order's address, a 503's pause. */
    public static final List<String> EXPOSED_HEADERS = List.of("etag", "location", "retry-after");
    public static final int MAX_AGE_SECONDS = 600;

    private Cors() {
    }
}
