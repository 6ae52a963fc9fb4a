package dev.shop.catalog;

import static dev.shop.catalog.CatalogFixtures.assertProblem;
import static dev.shop.catalog.CatalogFixtures.productBody;
import static dev.shop.catalog.CatalogFixtures.uniqueCategory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;

import dev.shop.common.routes.Service;
import dev.shop.local.TestShop;
import dev.shop.local.client.ApiClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A product id that cannot be one the catalog issued (a UUID) is a 404 on every route that carries one. */
class MalformedProductIdTest {

    private final TestShop shop = TestShop.serving(Service.CATALOG);
    private final ApiClient admin = shop.newAdmin().api();

    static Stream<Arguments> malformedIdsOnEveryRoute() {
        Stream<String> ids = Stream.of(
            "A".repeat(2_100),
            URLEncoder.encode("€".repeat(1_100), StandardCharsets.UTF_8),
            "nope",
            "0B5E3F1C-1D2E-4F5A-8B9C-0D1E2F3A4B5C");
        return ids.flatMap(id -> Stream.of(
            Arguments.of("GET", "/catalog/products/" + id, null),
            Arguments.of("PUT", "/catalog/products/" + id, productBody(uniqueCategory())),
            Arguments.of("DELETE", "/catalog/products/" + id, null),
            Arguments.of("PUT", "/catalog/products/" + id + "/stock", Map.of("available", 1)),
            Arguments.of("POST", "/catalog/products/" + id + "/stock/adjustments", Map.of("delta", 1, "reason", "count"))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("malformedIdsOnEveryRoute")
    void aMalformedProductIdIsNotFound(String method, String path, Object body) {
        assertProblem(switch (method) {
            case "PUT" -> admin.put(path, body);
            case "POST" -> admin.post(path, body);
            default -> admin.send(method, path, null, null);
        }, 404, null);
    }
}
