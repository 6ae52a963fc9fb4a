package dev.shop.catalog.product;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A product as the API shows it. */
@Serdeable
public record Product(String id, String sku, String name, @Nullable String description, String category,
                      long priceCents, String currency, @Nullable String imageUrl, long available, long version,
                      String createdAt, String updatedAt) {
}
