package dev.shop.orders.order;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrderStatusTest {

    @Test
    void placedShipsShippedDeliversNothingElseMoves() {
        assertThat(OrderStatus.PLACED.next()).containsExactly(OrderStatus.SHIPPED);
        assertThat(OrderStatus.SHIPPED.next()).containsExactly(OrderStatus.DELIVERED);
        assertThat(OrderStatus.DELIVERED.next()).isEmpty();
        assertThat(OrderStatus.CANCELLED.next()).isEmpty();
        assertThat(OrderStatus.PLACED.canMoveTo(OrderStatus.DELIVERED)).isFalse();
        assertThat(OrderStatus.SHIPPED.canMoveTo(OrderStatus.PLACED)).isFalse();
    }

    @Test
    void onlyPlacedIsCancellable() {
        assertThat(OrderStatus.PLACED.isCancellable()).isTrue();
        assertThat(OrderStatus.SHIPPED.isCancellable()).isFalse();
        assertThat(OrderStatus.DELIVERED.isCancellable()).isFalse();
        assertThat(OrderStatus.CANCELLED.isCancellable()).isFalse();
    }

    @Test
    void parseAcceptsExactNamesOnly() {
        assertThat(OrderStatus.parse("SHIPPED")).contains(OrderStatus.SHIPPED);
        assertThat(OrderStatus.parse("shipped")).isEmpty();
        assertThat(OrderStatus.parse(null)).isEmpty();
        assertThat(OrderStatus.parse("LOST")).isEmpty();
    }
}
