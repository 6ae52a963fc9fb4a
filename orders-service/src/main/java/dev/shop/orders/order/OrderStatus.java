package dev.shop.orders.order;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * An order's lifecycle. The status knows where it may go next, so no caller
 * can invent a transition; the repository turns the rule into a condition on
 * the stored status, so a race cannot break it either.
 */
public enum OrderStatus {
    PLACED, SHIPPED, DELIVERED, CANCELLED;

    /** Where an admin may move an order in this status through {@code PUT /orders/{id}/status}. */
    public Set<OrderStatus> next() {
        return switch (this) {
            case PLACED -> Set.of(SHIPPED);
            case SHIPPED -> Set.of(DELIVERED);
            case DELIVERED, CANCELLED -> Set.of();
        };
    }

    public boolean canMoveTo(OrderStatus target) {
        return next().contains(target);
    }

    /** Only an order not yet shipped can be cancelled (and its stock returned). */
    public boolean isCancellable() {
        return this == PLACED;
    }

    /** The status named exactly so, or empty for anything else. */
    public static Optional<OrderStatus> parse(String name) {
        return Arrays.stream(values()).filter(status -> status.name().equals(name)).findFirst();
    }
}
