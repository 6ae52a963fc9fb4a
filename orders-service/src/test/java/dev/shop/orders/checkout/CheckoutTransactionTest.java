package dev.shop.orders.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shop.common.table.CartLimits;
import org.junit.jupiter.api.Test;

class CheckoutTransactionTest {

    @Test
    void aFullCartFitsOneTransaction() {
        assertThat(CheckoutTransaction.actionCount(1)).isEqualTo(5);
        assertThat(CheckoutTransaction.MAX_LINES).isEqualTo(48);
        assertThat(CheckoutTransaction.actionCount(CheckoutTransaction.MAX_LINES)).isLessThanOrEqualTo(100);
        assertThat(CheckoutTransaction.actionCount(CheckoutTransaction.MAX_LINES + 1)).isGreaterThan(100);
        assertThat(CartLimits.MAX_CART_LINES).isLessThanOrEqualTo(CheckoutTransaction.MAX_LINES);
    }

    @Test
    void idempotencyRecordsLiveAtLeastADay() {
        assertThat(CheckoutTransaction.IDEMPOTENCY_TTL.toHours()).isGreaterThanOrEqualTo(24);
    }

    @Test
    void keyFormatIsOneToSixtyFourSafeCharacters() {
        assertThat(IdempotencyKey.parse("a").value()).isEqualTo("a");
        assertThat(IdempotencyKey.parse("A-z_0".repeat(12) + "abcd").value()).hasSize(64);
    }
}
