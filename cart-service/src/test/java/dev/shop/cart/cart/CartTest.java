package dev.shop.cart.cart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The pure rules of a cart: its totals. */
class CartTest {

    @Test
    void totalsAreQuantityTimesCurrentPriceAndItemCountIsTheSumOfQuantities() {
        Cart cart = Cart.of(List.of(
            Cart.Line.priced("a", "A", "Apple", 3, 125),
            Cart.Line.priced("b", "B", "Bread", 1, 399)), "USD", "2026-01-01T00:00:00.000Z");

        assertThat(cart.items()).extracting(Cart.Line::lineTotalCents).containsExactly(375L, 399L);
        assertThat(cart.subtotalCents()).isEqualTo(774);
        assertThat(cart.itemCount()).isEqualTo(4);
    }

    @Test
    void anEmptyCartHasNoLinesAndNothingToPay() {
        Cart cart = Cart.empty("EUR");

        assertThat(cart.items()).isEmpty();
        assertThat(cart.subtotalCents()).isZero();
        assertThat(cart.currency()).isEqualTo("EUR");
        assertThat(cart.updatedAt()).isNull();
    }
}
