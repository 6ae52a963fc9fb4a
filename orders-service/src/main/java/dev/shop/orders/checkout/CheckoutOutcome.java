package dev.shop.orders.checkout;

import java.util.List;

import dev.shop.orders.order.Order;

/** Every outcome of {@code POST /orders}; {@link CheckoutController} maps each to its response in one place. */
sealed interface CheckoutOutcome {

    /** The order was placed by this request: 201. */
    record Placed(Order order) implements CheckoutOutcome { }

    /** The key was used before with the same body: the same order, nothing changed: 200. */
    record Replayed(Order order) implements CheckoutOutcome { }

    /** Nothing to buy: 409. */
    record EmptyCart() implements CheckoutOutcome { }

    /** These products are deleted or have too few units: 409 naming them, nothing changed. */
    record OutOfStock(List<String> productIds) implements CheckoutOutcome { }

    /** The key was used before with another body: 422. */
    record KeyReuseMismatch() implements CheckoutOutcome { }

    /** The cart changed while the checkout ran: 409, nothing changed, the client reviews the cart. */
    record CartChanged() implements CheckoutOutcome { }

    /** Other checkouts kept conflicting on the same items: 409, nothing changed, worth retrying. */
    record Contended() implements CheckoutOutcome { }
}
