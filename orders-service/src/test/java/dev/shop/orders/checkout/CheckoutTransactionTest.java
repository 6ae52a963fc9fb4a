package dev.shop.orders.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import dev.shop.orders.address.Address;
import dev.shop.orders.order.OrderItem;
import dev.shop.orders.order.OrderLine;
import org.junit.jupiter.api.Test;

/**
 * The largest checkout one TransactWriteItems can carry, read off the
 * transaction as built (DynamoDB refuses more than 100 actions). The cart
 * caps a cart below it; CheckoutTest checks out such a full cart for real.
 */
class CheckoutTransactionTest {

    private static final int DYNAMODB_MAX_ACTIONS = 100;

    @Test
    void aFortyEightLineCartIsOneTransactionWithinDynamoDbsLimit() {
        CheckoutTransaction transaction = transactionFor(48);

        assertThat(transaction.items()).hasSizeLessThanOrEqualTo(DYNAMODB_MAX_ACTIONS);
    }

    @Test
    void aFortyNineLineCartIsRefusedBeforeDynamoDbSeesIt() {
        assertThatThrownBy(() -> transactionFor(49))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("49 lines");
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

    private static CheckoutTransaction transactionFor(int lines) {
        List<Cart.Line> cartLines = IntStream.range(0, lines)
            .mapToObj(i -> new Cart.Line(UUID.randomUUID().toString(), 1)).toList();
        List<OrderLine> orderLines = cartLines.stream()
            .map(line -> new OrderLine(line.productId(), "SKU", "Product", 1, 100, 100)).toList();
        Address address = new Address("Ada", "1 Main St", null, "Springfield", "12345", "US");
        String now = "2026-03-01T10:00:00.000Z";
        OrderItem order = OrderItem.placed("01HZX3Y4Z5A6B7C8D9E0F1G2H3", "user-1", orderLines, "USD", address, now);
        return new CheckoutTransaction("shop", "user-1", new Cart(cartLines, lines), order, IdempotencyKey.parse("key-1"),
            "hash", now, 1_772_359_200L);
    }
}
