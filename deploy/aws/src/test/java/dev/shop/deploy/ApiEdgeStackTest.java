package dev.shop.deploy;

import static dev.shop.deploy.SynthesizedShop.at;
import static dev.shop.deploy.SynthesizedShop.getAtt;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.shop.common.routes.Route;
import dev.shop.common.routes.Routes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CloudFront in front of the HTTP API: public catalog reads cached at the edge for as long as the catalog's
 * Cache-Control says (keyed by the whole query string), every other path passed through uncached with
 * Authorization, Origin and the query string, for every method including OPTIONS.
 */
class ApiEdgeStackTest {

    /** CloudFront's managed policies, by their fixed ids. */
    private static final String CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
    private static final String ALL_VIEWER_EXCEPT_HOST_HEADER = "b689b0a8-53d0-40ab-baf2-68738e2966ac";
    private static final List<String> ALL_METHODS = List.of("GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE");

    private static SynthesizedShop shop;
    private static Map<String, Object> edge;

    @BeforeAll
    static void synthesize() {
        shop = SynthesizedShop.synthesize(Map.of(StackSettings.REGION, "eu-central-1"));
        String id = shop.idOf("AWS::CloudFront::Distribution",
            distribution -> "Shop API edge".equals(at(distribution, "DistributionConfig", "Comment")));
        edge = at(shop.properties("AWS::CloudFront::Distribution", id), "DistributionConfig");
    }

    @Test
    void theEdgesOriginIsTheHttpApiOverHttpsOnly() {
        Map<String, Object> origin = at(edge, "Origins", 0);

        assertThat(origin.get("DomainName").toString()).contains(getAtt(shop.onlyId("AWS::ApiGatewayV2::Api"), "ApiEndpoint").toString());
        assertThat((Object) at(origin, "CustomOriginConfig", "OriginProtocolPolicy")).isEqualTo("https-only");
        assertThat((Object) at(origin, "CustomOriginConfig", "OriginSSLProtocols")).isEqualTo(List.of("TLSv1.2"));
    }

    @Test
    void everyOtherPathIsNeverCachedAndForwardsAuthorizationOriginAndQueryForEveryMethod() {
        Map<String, Object> passThrough = at(edge, "DefaultCacheBehavior");

        assertThat((Object) at(passThrough, "CachePolicyId")).isEqualTo(CACHING_DISABLED);
        // every viewer header but Host (Authorization included: CloudFront forwards it when nothing is cached), all query strings
        assertThat((Object) at(passThrough, "OriginRequestPolicyId")).isEqualTo(ALL_VIEWER_EXCEPT_HOST_HEADER);
        assertThat((List<String>) at(passThrough, "AllowedMethods")).containsExactlyInAnyOrderElementsOf(ALL_METHODS);
        assertThat((Object) at(passThrough, "ViewerProtocolPolicy")).isEqualTo("https-only");
    }

    @Test
    void publicCatalogReadsAreCachedForAsLongAsTheOriginSaysKeyedByTheQueryString() {
        List<Map<String, Object>> behaviours = at(edge, "CacheBehaviors");

        assertThat(behaviours).extracting(b -> b.get("PathPattern"))
            .containsExactlyInAnyOrder("/catalog/categories", "/catalog/products", "/catalog/products/*");
        for (Map<String, Object> behaviour : behaviours) {
            assertThat((List<String>) at(behaviour, "CachedMethods")).containsExactlyInAnyOrder("GET", "HEAD");
            // the path's admin writes pass through it too: every method, the contract's headers forwarded
            assertThat((List<String>) at(behaviour, "AllowedMethods")).containsExactlyInAnyOrderElementsOf(ALL_METHODS);
            String policy = at(behaviour, "CachePolicyId", "Ref");
            Map<String, Object> config = at(shop.properties("AWS::CloudFront::CachePolicy", policy), "CachePolicyConfig");
            assertThat((Object) at(config, "MinTTL")).isEqualTo(0);
            assertThat((Object) at(config, "DefaultTTL")).as("no Cache-Control from the origin: not cached").isEqualTo(0);
            assertThat((Object) at(config, "MaxTTL")).isEqualTo(60);
            Map<String, Object> key = at(config, "ParametersInCacheKeyAndForwardedToOrigin");
            assertThat((Object) at(key, "QueryStringsConfig", "QueryStringBehavior")).isEqualTo("all");
            assertThat((Object) at(key, "CookiesConfig", "CookieBehavior")).isEqualTo("none");
            // a signed-in caller's answer is never shared; a CORS answer never reaches another origin
            assertThat((Object) at(key, "HeadersConfig", "HeaderBehavior")).isEqualTo("whitelist");
            assertThat((List<String>) at(key, "HeadersConfig", "Headers")).containsExactlyInAnyOrder("Authorization", "Origin");
            String requests = at(behaviour, "OriginRequestPolicyId", "Ref");
            assertThat((List<String>) at(shop.properties("AWS::CloudFront::OriginRequestPolicy", requests),
                "OriginRequestPolicyConfig", "HeadersConfig", "Headers"))
                .contains("Content-Type", "If-Match", "Idempotency-Key", "Access-Control-Request-Method", "Access-Control-Request-Headers");
        }
    }

    @Test
    void noAuthenticatedRouteFallsUnderACachedBehaviourForItsReads() {
        List<Map<String, Object>> behaviours = at(edge, "CacheBehaviors");
        List<Pattern> cached = behaviours.stream()
            .map(b -> Pattern.compile(((String) b.get("PathPattern")).replace("*", ".*")))
            .toList();

        for (Route route : Routes.ALL) {
            if (route.method().equals("GET") && route.access().needsToken()) {
                String path = route.path().replaceAll("\\{[^}]+}", "x");
                assertThat(cached).as(route.routeKey()).noneMatch(pattern -> pattern.matcher(path).matches());
            }
        }
    }
}
