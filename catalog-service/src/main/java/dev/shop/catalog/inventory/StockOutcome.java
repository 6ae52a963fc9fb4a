package dev.shop.catalog.inventory;

/** Every way a stock write can end; mapped to statuses in {@code StockController#respond}. */
sealed interface StockOutcome {

    record Stocked(StockLevel level) implements StockOutcome {
    }

    /** No live product with this id. */
    record NotFound(String productId) implements StockOutcome {
    }

    /** A product edit's transaction held the item through every retry; nothing changed. */
    record Contended(String productId) implements StockOutcome {
    }

    /** The adjustment would take stock below zero; nothing changed. */
    record Insufficient(String productId, long available, long delta) implements StockOutcome {
    }
}
