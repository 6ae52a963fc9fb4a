package dev.shop.catalog.product;

/**
 * Every way a product write can end. The controller maps each case to its
 * status in one place ({@code ProductController#respond}).
 */
sealed interface ProductOutcome {

    /** Created or replaced; the product as stored. */
    record Saved(ProductItem product) implements ProductOutcome {
    }

    /** Soft-deleted: out of listings, counts and reads. */
    record Deleted(String productId) implements ProductOutcome {
    }

    /** No live product with this id (never created, or deleted). */
    record NotFound(String productId) implements ProductOutcome {
    }

    /** The caller's {@code If-Match} no longer names the stored version. */
    record StaleVersion(String productId, long currentVersion) implements ProductOutcome {
    }

    /** Another live product already uses this SKU. */
    record SkuTaken(String sku) implements ProductOutcome {
    }

    /** Other writes to the same items kept winning through every retry; nothing was written. */
    record Contended(String productId) implements ProductOutcome {
    }
}
