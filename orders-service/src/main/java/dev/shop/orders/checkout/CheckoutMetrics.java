package dev.shop.orders.checkout;

import java.util.List;

import dev.shop.common.metrics.Metrics;
import dev.shop.common.metrics.ShopMetrics;

/**
 * The checkout's business metrics, counted from its outcome: a placed order
 * (count and total), a replay, and each refusal under its reason. The
 * controller maps every outcome to exactly one response, so counting the
 * outcome counts what callers were told.
 */
final class CheckoutMetrics {

    private CheckoutMetrics() {
    }

    static void record(CheckoutOutcome outcome) {
        if (outcome instanceof CheckoutOutcome.Placed placed) {
            Metrics.emit(null, null, List.of(
                new Metrics.Value(ShopMetrics.ORDERS_PLACED, Metrics.Unit.Count, 1),
                new Metrics.Value(ShopMetrics.ORDER_VALUE, Metrics.Unit.None, placed.order().totalCents())));
        } else if (outcome instanceof CheckoutOutcome.Replayed) {
            Metrics.count(ShopMetrics.IDEMPOTENT_REPLAYS);
        } else {
            Metrics.count(ShopMetrics.CHECKOUTS_REFUSED, ShopMetrics.REASON, reason(outcome));
        }
    }

    private static String reason(CheckoutOutcome refusal) {
        if (refusal instanceof CheckoutOutcome.OutOfStock) {
            return ShopMetrics.OUT_OF_STOCK;
        }
        if (refusal instanceof CheckoutOutcome.CartChanged) {
            return ShopMetrics.CART_CHANGED;
        }
        if (refusal instanceof CheckoutOutcome.EmptyCart) {
            return ShopMetrics.EMPTY_CART;
        }
        if (refusal instanceof CheckoutOutcome.Contended) {
            return ShopMetrics.CONTENDED;
        }
        if (refusal instanceof CheckoutOutcome.KeyReuseMismatch) {
            return ShopMetrics.KEY_REUSED;
        }
        throw new IllegalStateException("Unnamed checkout refusal " + refusal);
    }
}
