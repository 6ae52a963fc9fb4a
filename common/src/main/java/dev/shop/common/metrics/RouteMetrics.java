package dev.shop.common.metrics;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.shop.common.routes.Access;
import dev.shop.common.routes.Route;
import dev.shop.common.routes.Routes;
import dev.shop.common.routes.Service;

/**
 * Business counts that a route's success says by itself, read off the route
 * table rather than written into each controller: every successful write of
 * a shopper's cart is a cart write, every successful write of a product's
 * stock a stock adjustment.
 */
public final class RouteMetrics {

    private static final Map<String, String> COUNTED = Routes.ALL.stream()
        .filter(route -> metricOf(route).isPresent())
        .collect(Collectors.toUnmodifiableMap(Route::routeKey, route -> metricOf(route).orElseThrow()));

    private RouteMetrics() {
    }

    /** The metric a 2xx answer on this route counts, if any. */
    public static Optional<String> onSuccess(String routeKey) {
        return Optional.ofNullable(routeKey == null ? null : COUNTED.get(routeKey));
    }

    private static Optional<String> metricOf(Route route) {
        boolean write = !route.method().equals("GET");
        if (write && route.service() == Service.CART && route.access() == Access.USER) {
            return Optional.of(ShopMetrics.CART_WRITES);
        }
        if (write && route.service() == Service.CATALOG && route.path().contains("/stock")) {
            return Optional.of(ShopMetrics.STOCK_ADJUSTMENTS);
        }
        return Optional.empty();
    }
}
