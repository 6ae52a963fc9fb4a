package dev.shop.orders.order;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import dev.shop.orders.web.Caller;
import dev.shop.common.web.IfMatch;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * The rules of changing an order: who may, from which status, at which
 * version. Each write is conditional on the status and version it was decided
 * on; when another writer got there first the order is read again and the
 * rules decide afresh, so the loser of a race sees the winner's status (409)
 * rather than overwriting it.
 */
@Singleton
class OrderService {

    private static final int ATTEMPTS = 5;

    private final OrderRepository orders;
    private final Clock clock;

    OrderService(OrderRepository orders, Clock clock) {
        this.orders = orders;
        this.clock = clock;
    }

    Optional<Order> find(Caller caller, String orderId) {
        return visible(caller, orderId).map(OrderItem::toOrder);
    }

    OrderChange cancel(Caller caller, String orderId, @Nullable String ifMatch) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<OrderItem> found = visible(caller, orderId);
            if (found.isEmpty()) {
                return new OrderChange.NotFound(orderId);
            }
            OrderItem order = found.get();
            if (!new IfMatch(ifMatch).matches(order.version())) {
                return new OrderChange.PreconditionFailed(order.version());
            }
            if (!order.status().isCancellable()) {
                return new OrderChange.NotAllowed(order.status(), "Only a PLACED order can be cancelled; this one is " + order.status());
            }
            try {
                return new OrderChange.Changed(orders.cancel(order, now()));
            } catch (TransactionCanceledException | TransactionConflictException raced) {
                // the order moved on meanwhile: decide again on what it is now
            }
        }
        return new OrderChange.Contended(orderId);
    }

    OrderChange changeStatus(Caller caller, String orderId, OrderStatus target, @Nullable String ifMatch) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<OrderItem> found = visible(caller, orderId);
            if (found.isEmpty()) {
                return new OrderChange.NotFound(orderId);
            }
            OrderItem order = found.get();
            if (!new IfMatch(ifMatch).matches(order.version())) {
                return new OrderChange.PreconditionFailed(order.version());
            }
            if (!order.status().canMoveTo(target)) {
                return new OrderChange.NotAllowed(order.status(),
                    "An order cannot move from " + order.status() + " to " + target + "; allowed: " + order.status().next());
            }
            try {
                return new OrderChange.Changed(orders.changeStatus(order, target, now()));
            } catch (ConditionalCheckFailedException | TransactionConflictException raced) {
                // another transition won: decide again on the status it left
            }
        }
        return new OrderChange.Contended(orderId);
    }

    private Optional<OrderItem> visible(Caller caller, String orderId) {
        return orders.find(orderId).filter(order -> caller.maySee(order.userId()));
    }

    private String now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
