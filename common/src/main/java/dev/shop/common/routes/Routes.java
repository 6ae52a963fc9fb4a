package dev.shop.common.routes;

import static dev.shop.common.routes.Access.ADMIN;
import static dev.shop.common.routes.Access.PUBLIC;
import static dev.shop.common.routes.Access.USER;
import static dev.shop.common.routes.Service.CART;
import static dev.shop.common.routes.Service.CATALOG;
import static dev.shop.common.routes.Service.ORDERS;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The route table of the one HTTP API (docs/api.md; docs/api/openapi.yaml describes exactly these routes, ApiRoutesTest in the api module proves it). The CDK stack creates
 * exactly these API Gateway routes and the local gateway routes by the same
 * list, so the two cannot disagree.
 */
public final class Routes {

    public static final List<Route> ALL = List.of(
        // catalog-service
        new Route("GET", "/catalog/categories", CATALOG, PUBLIC),
        new Route("GET", "/catalog/products", CATALOG, PUBLIC),
        new Route("GET", "/catalog/products/{id}", CATALOG, PUBLIC),
        new Route("POST", "/catalog/products", CATALOG, ADMIN),
        new Route("PUT", "/catalog/products/{id}", CATALOG, ADMIN),
        new Route("DELETE", "/catalog/products/{id}", CATALOG, ADMIN),
        new Route("PUT", "/catalog/products/{id}/stock", CATALOG, ADMIN),
        new Route("POST", "/catalog/products/{id}/stock/adjustments", CATALOG, ADMIN),
        new Route("GET", "/catalog/admin/low-stock", CATALOG, ADMIN),
        // cart-service
        new Route("GET", "/cart", CART, USER),
        new Route("DELETE", "/cart", CART, USER),
        new Route("PUT", "/cart/items/{productId}", CART, USER),
        new Route("DELETE", "/cart/items/{productId}", CART, USER),
        new Route("GET", "/cart/admin/abandoned", CART, ADMIN),
        // orders-service
        new Route("POST", "/orders", ORDERS, USER),
        new Route("GET", "/orders", ORDERS, USER),
        new Route("GET", "/orders/admin", ORDERS, ADMIN),
        new Route("GET", "/orders/{id}", ORDERS, USER),
        new Route("POST", "/orders/{id}/cancel", ORDERS, USER),
        new Route("PUT", "/orders/{id}/status", ORDERS, ADMIN),
        new Route("GET", "/profile", ORDERS, USER),
        new Route("PUT", "/profile", ORDERS, USER),
        new Route("GET", "/profile/admin", ORDERS, ADMIN));

    private Routes() {
    }

    /** The routes served by one service. */
    public static List<Route> of(Service service) {
        return ALL.stream().filter(route -> route.service() == service).toList();
    }

    /**
     * The route API Gateway would choose for a request: literal segments win
     * over path parameters ({@code /orders/admin} before {@code /orders/{id}}).
     */
    public static Optional<RouteMatch> resolve(String method, String path) {
        return ALL.stream()
            .filter(route -> route.method().equals(method))
            .flatMap(route -> route.match(path).map(params -> new RouteMatch(route, params)).stream())
            .min((a, b) -> Integer.compare(a.pathParameters().size(), b.pathParameters().size()));
    }

    /** Whether any route has this path under another method (a 405 rather than a 404). */
    public static boolean pathExists(String path) {
        return ALL.stream().anyMatch(route -> route.match(path).isPresent());
    }

    /** A route chosen for a request, with the path parameters it bound. */
    public record RouteMatch(Route route, Map<String, String> pathParameters) {
    }
}
