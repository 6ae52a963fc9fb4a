package dev.shop.orders.checkout;

import dev.shop.orders.address.Address;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /orders}: where to ship. What is bought is the cart, at the catalog's prices. */
@Serdeable
record CheckoutRequest(@NotNull @Valid Address shippingAddress) {
}
