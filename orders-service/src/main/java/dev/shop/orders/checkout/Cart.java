package dev.shop.orders.checkout;

import java.util.List;

/**
 * A user's cart as checkout reads it: its lines and, when the cart has a
 * summary item, the line count it holds. Both become conditions of the
 * checkout transaction, so a cart that changes meanwhile aborts it.
 */
record Cart(List<Line> lines, Integer summaryLineCount) {

    record Line(String productId, long quantity) {
    }

    static Cart empty() {
        return new Cart(List.of(), null);
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    boolean hasSummary() {
        return summaryLineCount != null;
    }
}
