package dev.shop.deploy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.shop.common.routes.Route;
import dev.shop.common.routes.Routes;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.services.cloudfront.AddBehaviorOptions;
import software.amazon.awscdk.services.cloudfront.AllowedMethods;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CacheCookieBehavior;
import software.amazon.awscdk.services.cloudfront.CacheHeaderBehavior;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.CacheQueryStringBehavior;
import software.amazon.awscdk.services.cloudfront.CachedMethods;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.OriginProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.OriginRequestHeaderBehavior;
import software.amazon.awscdk.services.cloudfront.OriginRequestPolicy;
import software.amazon.awscdk.services.cloudfront.OriginSslPolicy;
import software.amazon.awscdk.services.cloudfront.PriceClass;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.HttpOrigin;
import software.constructs.Construct;

/**
 * CloudFront in front of the HTTP API, so that public catalog reads are served from the edge for as long as
 * catalog-service's {@code Cache-Control} allows (30 s), keyed by the full query string, while every other request
 * passes straight through, never cached. The storefront still calls the API cross-origin (its own CORS answers
 * pass through untouched), exactly as it does locally where the gateway is the origin; only the host name differs.
 *
 * <p>Cached behaviours: one per public GET route of {@link Routes#ALL}, its path with {@code {param}} as {@code *}.
 * They also carry that path's admin writes (CloudFront routes by path, not method; it caches GET and HEAD only), so
 * they allow every method, forward the headers the API reads, and key the cache on {@code Authorization} and
 * {@code Origin} as well: an anonymous read is shared, a signed-in caller's never is, and a CORS answer is never
 * served to another origin. The default behaviour is CloudFront's managed CachingDisabled with every viewer header
 * (Authorization included, which CloudFront allows only when nothing is cached) but Host.
 */
final class ApiEdge extends Construct {

    /** The cap on how long the edge keeps a catalog read, whatever the origin says; none without Cache-Control. */
    static final Duration MAX_TTL = Duration.seconds(60);

    /** The headers a catalog write or a preflight needs at the origin, beside the cache key's Authorization and Origin. */
    static final List<String> FORWARDED_HEADERS = List.of("Content-Type", "If-Match", "Idempotency-Key",
        "Access-Control-Request-Method", "Access-Control-Request-Headers");

    private final Distribution distribution;

    ApiEdge(Construct scope, String id, String apiEndpoint) {
        super(scope, id);
        // https://<api>.execute-api.<region>.amazonaws.com -> its host name
        HttpOrigin api = HttpOrigin.Builder.create(Fn.select(2, Fn.split("/", apiEndpoint)))
            .protocolPolicy(OriginProtocolPolicy.HTTPS_ONLY)
            .originSslProtocols(List.of(OriginSslPolicy.TLS_V1_2))
            .build();
        CachePolicy catalogReads = CachePolicy.Builder.create(this, "CatalogReads")
            .comment("Shop public catalog reads: the origin's Cache-Control decides, keyed by the whole query string")
            .minTtl(Duration.seconds(0))
            .defaultTtl(Duration.seconds(0))
            .maxTtl(MAX_TTL)
            .queryStringBehavior(CacheQueryStringBehavior.all())
            .headerBehavior(CacheHeaderBehavior.allowList("Authorization", "Origin"))
            .cookieBehavior(CacheCookieBehavior.none())
            .enableAcceptEncodingGzip(true)
            .enableAcceptEncodingBrotli(true)
            .build();
        OriginRequestPolicy catalogRequests = OriginRequestPolicy.Builder.create(this, "CatalogRequests")
            .comment("Shop catalog paths: the headers of the contract's writes and of CORS preflights")
            .headerBehavior(OriginRequestHeaderBehavior.allowList(FORWARDED_HEADERS.toArray(String[]::new)))
            .build();
        BehaviorOptions.Builder passThrough = BehaviorOptions.builder()
            .origin(api)
            .viewerProtocolPolicy(ViewerProtocolPolicy.HTTPS_ONLY)
            .allowedMethods(AllowedMethods.ALLOW_ALL)
            .cachePolicy(CachePolicy.CACHING_DISABLED)
            .originRequestPolicy(OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER)
            .compress(true);
        distribution = Distribution.Builder.create(this, "Distribution")
            .comment("Shop API edge")
            .priceClass(PriceClass.PRICE_CLASS_100)
            .defaultBehavior(passThrough.build())
            .build();
        for (String path : cachedPaths()) {
            distribution.addBehavior(path, api, AddBehaviorOptions.builder()
                .viewerProtocolPolicy(ViewerProtocolPolicy.HTTPS_ONLY)
                .allowedMethods(AllowedMethods.ALLOW_ALL)
                .cachedMethods(CachedMethods.CACHE_GET_HEAD)
                .cachePolicy(catalogReads)
                .originRequestPolicy(catalogRequests)
                .compress(true)
                .build());
        }
        Storefront.acceptEdgeFindings(distribution);
    }

    /** The path patterns of the public GET routes: {@code /catalog/products/{id}} becomes {@code /catalog/products/*}. */
    static Set<String> cachedPaths() {
        Set<String> paths = new LinkedHashSet<>();
        for (Route route : Routes.ALL) {
            if (route.method().equals("GET") && !route.access().needsToken()) {
                paths.add(route.path().replaceAll("\\{[^}]+}", "*"));
            }
        }
        return paths;
    }

    /** The API's URL at the edge, without a trailing slash (as {@code apiUrl} is locally). */
    String url() {
        return "https://" + distribution.getDistributionDomainName();
    }
}
