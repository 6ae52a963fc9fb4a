package dev.shop.orders.order;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;

/** Body of {@code PUT /orders/{id}/status}; the name is checked against {@link OrderStatus} by the controller. */
@Serdeable
record StatusChange(@NotNull String status) {
}
