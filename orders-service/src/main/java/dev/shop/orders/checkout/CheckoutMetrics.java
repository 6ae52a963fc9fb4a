package dev.shop.orders.checkout;

import java.util.List;
import java.util.Map;

import dev.shop.common.metrics.Metrics;
import dev.shop.common.metrics.ShopMetrics;
import dev.shop.orders.order.Order;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * The checkout's business metrics, read from its answer as a client reads it
 * (docs/api.md): 201 placed an order (count and total), 200 replayed one, and
 * each refusal counts under its problem's title. Reading the answer rather
 * than the outcome keeps the counts in step with what callers were told, and
 * keeps the controller free of metric calls.
 */
@ServerFilter("/orders")
final class CheckoutMetrics {

    /** Problem titles of the refusals (CheckoutController) and the reason each counts as. */
    private static final Map<String, String> REASONS = Map.of(
        "Out of stock", ShopMetrics.OUT_OF_STOCK,
        "Cart changed", ShopMetrics.CART_CHANGED,
        "Empty cart", ShopMetrics.EMPTY_CART,
        "Contended", ShopMetrics.CONTENDED,
        "Idempotency-Key reused", ShopMetrics.KEY_REUSED);

    @ResponseFilter
    void count(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getMethod() != HttpMethod.POST) {
            return;
        }
        Object body = response.getBody().orElse(null);
        int status = response.code();
        if (status == 201 && body instanceof Order order) {
            Metrics.emit(null, null, List.of(
                new Metrics.Value(ShopMetrics.ORDERS_PLACED, Metrics.Unit.Count, 1),
                new Metrics.Value(ShopMetrics.ORDER_VALUE, Metrics.Unit.None, order.totalCents())));
        } else if (status == 200) {
            Metrics.count(ShopMetrics.IDEMPOTENT_REPLAYS);
        } else if (body instanceof Map<?, ?> problem && REASONS.containsKey(String.valueOf(problem.get("title")))) {
            Metrics.count(ShopMetrics.CHECKOUTS_REFUSED, ShopMetrics.REASON, REASONS.get(String.valueOf(problem.get("title"))));
        }
    }
}
