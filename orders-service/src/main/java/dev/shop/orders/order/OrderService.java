package dev.shop.orders.order;

import java.time.Clock;
import java.util.Optional;

import dev.shop.common.paging.Page;
import dev.shop.common.security.Caller;
import dev.shop.common.time.Timestamps;
import dev.shop.common.web.IfMatch;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

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

    /** The caller's own orders, newest first. */
    Page<Order> mine(Caller caller, int limit, @Nullable String cursor) {
        return orders.ofUser(caller.userId(), limit, cursor);
    }

    /** Every order in one status, newest first (the controller lets only admins ask). */
    Page<Order> inStatus(OrderStatus status, int limit, @Nullable String cursor) {
        return orders.inStatus(status, limit, cursor);
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
                return new OrderChange.StaleVersion(orderId, order.version());
            }
            if (!order.status().isCancellable()) {
                return new OrderChange.NotAllowed(order.status(), "Only a PLACED order can be cancelled; this one is " + order.status());
            }
            Optional<Order> cancelled = orders.cancel(order, now());
            if (cancelled.isPresent()) {
                return new OrderChange.Changed(cancelled.get());
            }
            // the order moved on meanwhile: decide again on what it is now
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
                return new OrderChange.StaleVersion(orderId, order.version());
            }
            if (!order.status().canMoveTo(target)) {
                return new OrderChange.NotAllowed(order.status(),
                    "An order cannot move from " + order.status() + " to " + target + "; allowed: " + order.status().next());
            }
            Optional<Order> changed = orders.changeStatus(order, target, now());
            if (changed.isPresent()) {
                return new OrderChange.Changed(changed.get());
            }
            // another transition won: decide again on the status it left
        }
        return new OrderChange.Contended(orderId);
    }

    private Optional<OrderItem> visible(Caller caller, String orderId) {
        return orders.find(orderId).filter(order -> caller.maySee(order.userId()));
    }

    private String now() {
        return Timestamps.now(clock);
    }
}
