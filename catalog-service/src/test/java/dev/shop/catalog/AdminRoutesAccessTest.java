package dev.shop.catalog;

import static dev.shop.catalog.CatalogFixtures.assertProblem;
import static dev.shop.catalog.CatalogFixtures.createIn;
import static dev.shop.catalog.CatalogFixtures.productBody;
import static dev.shop.catalog.CatalogFixtures.productPath;
import static dev.shop.catalog.CatalogFixtures.uniqueCategory;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.shop.common.routes.Access;
import dev.shop.common.routes.Route;
import dev.shop.common.routes.Routes;
import dev.shop.common.routes.Service;
import dev.shop.local.TestShop;
import dev.shop.local.client.ApiClient;
import dev.shop.local.client.ApiClient.ApiResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every admin route of the catalog: 401 without a token, 403 for a shopper, and the product left as it was. */
class AdminRoutesAccessTest {

    private static final TestShop SHOP = TestShop.serving(Service.CATALOG);

    static Stream<Arguments> adminRoutes() {
        String id = createIn(SHOP.newAdmin().api(), uniqueCategory()).path("id").asText();
        return Stream.of(
            Arguments.of("POST", "/catalog/products", productBody(uniqueCategory())),
            Arguments.of("PUT", productPath(id), productBody(uniqueCategory())),
            Arguments.of("DELETE", productPath(id), null),
            Arguments.of("PUT", productPath(id) + "/stock", Map.of("available", 0)),
            Arguments.of("POST", productPath(id) + "/stock/adjustments", Map.of("delta", -1, "reason", "theft")),
            Arguments.of("GET", "/catalog/admin/low-stock", null));
    }

    @Test
    void theTestsCoverEveryAdminRouteOfTheCatalog() {
        List<Route> covered = adminRoutes()
            .map(route -> Routes.resolve((String) route.get()[0], (String) route.get()[1]).orElseThrow().route())
            .toList();

        assertThat(covered).containsExactlyInAnyOrderElementsOf(
            Routes.of(Service.CATALOG).stream().filter(route -> route.access() == Access.ADMIN).toList());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("adminRoutes")
    void withoutATokenIsUnauthorized(String method, String path, Object body) {
        assertProblem(send(SHOP.anonymous(), method, path, body), 401, null);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("adminRoutes")
    void aShopperIsForbiddenAndNothingChanges(String method, String path, Object body) {
        ApiResponse response = send(SHOP.newShopper().api(), method, path, body);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        if (path.startsWith("/catalog/products/")) {
            String id = path.split("/")[3];
            ApiResponse product = SHOP.anonymous().get(productPath(id));
            assertThat(product.status()).isEqualTo(200);
            assertThat(product.json().path("version").asLong()).isEqualTo(1);
            assertThat(product.json().path("available").asLong()).isEqualTo(10);
        }
    }

    private static ApiResponse send(ApiClient client, String method, String path, Object body) {
        return switch (method) {
            case "GET" -> client.get(path);
            case "DELETE" -> client.delete(path);
            case "POST" -> client.post(path, body);
            case "PUT" -> client.put(path, body);
            default -> throw new IllegalArgumentException(method);
        };
    }
}
