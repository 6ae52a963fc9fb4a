package dev.shop.cart.cart;

/** Every outcome of setting a line's quantity; the controller maps each to its status. */
sealed interface LineChange {

    record Changed(Cart cart) implements LineChange {
    }

    /** No live product with this id. */
    record NotFound(String productId) implements LineChange {
    }

    record BeyondStock(String productId, int requested, long available) implements LineChange {
    }

    record CartFull(int maxLines) implements LineChange {
    }

    /** Other writes to the same cart kept winning through every retry. */
    record Contended() implements LineChange {
    }
}
