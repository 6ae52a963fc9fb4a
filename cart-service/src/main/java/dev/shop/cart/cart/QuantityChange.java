package dev.shop.cart.cart;

import dev.shop.common.table.CartLimits;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Body of {@code PUT /cart/items/{productId}}: the line's new quantity, 0 removing it. */
@Serdeable
record QuantityChange(@NotNull @Min(0) @Max(CartLimits.MAX_LINE_QUANTITY) Integer quantity) {
}
