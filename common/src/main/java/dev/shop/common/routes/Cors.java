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

    /** The methods some route uses, and nothing more. */
    public static final List<String> ALLOWED_METHODS = Routes.ALL.stream().map(Route::method).distinct().toList();
    /** Request headers the storefront sends (compared case-insensitively). */
    public static final List<String> ALLOWED_HEADERS = List.of("Authorization", "Content-Type", "If-Match", "Idempotency-Key");
    /** Response headers the storefront reads: a product's version, a created resource's address, a 503's pause. */
    public static final List<String> EXPOSED_HEADERS = List.of("ETag", "Location", "Retry-After");
    /** How long a browser may keep a preflight's answer. */
    public static final int MAX_AGE_SECONDS = 3600;

    private Cors() {
    }
}
