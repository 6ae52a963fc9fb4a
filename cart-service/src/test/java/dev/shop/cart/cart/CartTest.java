package dev.shop.cart.cart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The pure rules of a cart: totals and the timestamps the carts index sorts by. */
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

    @Test
    void timestampsHaveOneWidthSoThatTheirStringOrderIsTheirTimeOrder() {
        String onTheSecond = CartService.TIMESTAMP.format(Instant.parse("2026-03-01T10:00:00Z"));
        String aMillisecondLater = CartService.TIMESTAMP.format(Instant.parse("2026-03-01T10:00:00.001Z"));

        assertThat(onTheSecond).isEqualTo("2026-03-01T10:00:00.000Z");
        assertThat(onTheSecond).isLessThan(aMillisecondLater);
        assertThat(Instant.parse(onTheSecond)).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
    }
}
