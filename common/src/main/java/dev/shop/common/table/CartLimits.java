package dev.shop.common.table;

/**
 * Limits cart-service enforces and orders-service relies on, defined once so
 * the two cannot disagree (see docs/data-model.md, "Cart access patterns").
 */
public final class CartLimits {

    /**
     * Most distinct products one cart may hold. Checkout of a full cart is one
     * TransactWriteItems of at most 100 actions: one stock update and one line
     * delete per line, plus the order put, the cart summary delete and the
     * idempotency record put, so {@code 2n + 3 <= 100}, {@code n <= 48}. 40
     * leaves room for a few more actions per checkout later.
     */
    public static final int MAX_CART_LINES = 40;

    /** Largest quantity of one product in a cart. */
    public static final int MAX_LINE_QUANTITY = 99;

    private CartLimits() {
    }
}
