package dev.shop.common.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RoutesTest {

    @Test
    void literalSegmentWinsOverPathParameter() {
        Routes.RouteMatch match = Routes.resolve("GET", "/orders/admin").orElseThrow();

        assertThat(match.route().path()).isEqualTo("/orders/admin");
        assertThat(match.route().access()).isEqualTo(Access.ADMIN);
    }

    @Test
    void pathParametersAreBound() {
        Routes.RouteMatch match = Routes.resolve("POST", "/catalog/products/p1/stock/adjustments").orElseThrow();

        assertThat(match.pathParameters()).isEqualTo(Map.of("id", "p1"));
        assertThat(match.route().service()).isEqualTo(Service.CATALOG);
    }

    @Test
    void unknownPathsAndMethodsDoNotMatch() {
        assertThat(Routes.resolve("GET", "/catalog/products/p1/extra")).isEmpty();
        assertThat(Routes.resolve("PATCH", "/catalog/products/p1")).isEmpty();
        assertThat(Routes.pathExists("/catalog/products/p1")).isTrue();
        assertThat(Routes.resolve("GET", "/catalog/products/")).isEmpty();
    }

    @Test
    void everyRouteKeyIsUniqueAndPrefixedByItsService() {
        Set<String> keys = new HashSet<>();
        for (Route route : Routes.ALL) {
            assertThat(keys.add(route.routeKey())).as(route.routeKey()).isTrue();
            String prefix = switch (route.service()) {
                case CATALOG -> "/catalog";
                case CART -> "/cart";
                case ORDERS -> route.path().startsWith("/profile") ? "/profile" : "/orders";
            };
            assertThat(route.path()).startsWith(prefix);
        }
    }

    @Test
    void onlyCatalogReadsArePublic() {
        assertThat(Routes.ALL.stream().filter(r -> r.access() == Access.PUBLIC))
            .allMatch(r -> r.method().equals("GET") && r.service() == Service.CATALOG);
    }
}
