package dev.shop.cart.cart;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A cart as the API shows it, at the catalog's current prices.
 *
 * @param itemCount the sum of the lines' quantities (not the number of lines)
 * @param updatedAt the cart's last write, or null when the user has no cart
 */
@Serdeable
record Cart(List<Line> items, long itemCount, long subtotalCents, String currency, @Nullable String updatedAt) {

    static Cart empty(String currency) {
        return new Cart(List.of(), 0, 0, currency, null);
    }

    static Cart of(List<Line> lines, String currency, @Nullable String updatedAt) {
        long itemCount = lines.stream().mapToLong(Line::quantity).sum();
        long subtotal = lines.stream().mapToLong(Line::lineTotalCents).sum();
        return new Cart(lines, itemCount, subtotal, currency, updatedAt);
    }

    @Serdeable
    record Line(String productId, String sku, String name, int quantity, long unitPriceCents, long lineTotalCents) {

        static Line priced(String productId, String sku, String name, int quantity, long unitPriceCents) {
            return new Line(productId, sku, name, quantity, unitPriceCents, quantity * unitPriceCents);
        }
    }
}
