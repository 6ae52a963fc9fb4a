package dev.shop.orders.order;

import io.micronaut.serde.annotation.Serdeable;

/** One line of an order, priced when the order was placed. */
@Serdeable
public record OrderLine(String productId, String sku, String name, long quantity, long unitPriceCents,
                        long lineTotalCents) {
}
