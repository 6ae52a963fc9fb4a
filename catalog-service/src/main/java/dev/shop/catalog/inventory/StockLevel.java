package dev.shop.catalog.inventory;

import io.micronaut.serde.annotation.Serdeable;

/** A product's units in stock, as both stock routes answer. */
@Serdeable
record StockLevel(String productId, long available) {
}
