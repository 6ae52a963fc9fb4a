package dev.shop.cart.cart;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A row of the abandoned-carts page, read from the cart summary alone.
 *
 * @param subtotalCents the subtotal at the prices of each line's last write (see docs/data-model.md)
 */
@Serdeable
record AbandonedCart(String userId, long itemCount, long subtotalCents, String updatedAt) {
}
