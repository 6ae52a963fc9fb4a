package dev.shop.orders.order;

/** Every outcome of a write to an order (cancel, status change); the controller maps each to a status in one place. */
sealed interface OrderChange {

    /** The change was applied; this is the order now. */
    record Changed(Order order) implements OrderChange { }

    /** No such order, or one the caller may not see (the contract never leaks existence). */
    record NotFound(String orderId) implements OrderChange { }

    /** The order's status does not allow the change. */
    record NotAllowed(OrderStatus current, String detail) implements OrderChange { }

    /** The caller's {@code If-Match} names a version the order no longer has. */
    record StaleVersion(String orderId, long currentVersion) implements OrderChange { }

    /** Other writers kept changing the order; nothing was applied and the client may retry. */
    record Contended(String orderId) implements OrderChange { }
}
