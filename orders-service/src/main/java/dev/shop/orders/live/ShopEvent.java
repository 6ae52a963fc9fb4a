package dev.shop.orders.live;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A domain event derived from a committed table change, as pushed to WebSocket
 * clients (docs/live-events.md documents the JSON). Every message carries
 * {@code type}, {@code eventId} (the stream record's id: the same change always
 * has the same id) and {@code occurredAt} (when the change was committed).
 */
sealed interface ShopEvent {

    String type();

    String eventId();

    /** Who receives the event: an order's owner and the admins, or the admins only. */
    Audience audience();

    /** An order's events go to its owner and to admins; catalog events to admins only. */
    record Audience(String ownerUserId) {

        static final Audience ADMINS = new Audience(null);

        static Audience ownerAndAdmins(String userId) {
            return new Audience(userId);
        }
    }

    @Serdeable
    record OrderPlaced(String type, String eventId, String occurredAt, String orderId, String userId, String status,
                       long totalCents, String currency) implements ShopEvent {

        static final String TYPE = "order.placed";

        OrderPlaced(String eventId, String occurredAt, String orderId, String userId, long totalCents, String currency) {
            this(TYPE, eventId, occurredAt, orderId, userId, "PLACED", totalCents, currency);
        }

        @Override
        public Audience audience() {
            return Audience.ownerAndAdmins(userId);
        }
    }

    @Serdeable
    record OrderStatusChanged(String type, String eventId, String occurredAt, String orderId, String userId,
                              String from, String to) implements ShopEvent {

        static final String TYPE = "order.status-changed";

        OrderStatusChanged(String eventId, String occurredAt, String orderId, String userId, String from, String to) {
            this(TYPE, eventId, occurredAt, orderId, userId, from, to);
        }

        @Override
        public Audience audience() {
            return Audience.ownerAndAdmins(userId);
        }
    }

    @Serdeable
    record OrderCancelled(String type, String eventId, String occurredAt, String orderId, String userId,
                          String from, String to) implements ShopEvent {

        static final String TYPE = "order.cancelled";

        OrderCancelled(String eventId, String occurredAt, String orderId, String userId, String from) {
            this(TYPE, eventId, occurredAt, orderId, userId, from, "CANCELLED");
        }

        @Override
        public Audience audience() {
            return Audience.ownerAndAdmins(userId);
        }
    }

    @Serdeable
    record StockLow(String type, String eventId, String occurredAt, String productId, String sku, String name,
                    long available, long threshold) implements ShopEvent {

        static final String TYPE = "stock.low";

        StockLow(String eventId, String occurredAt, String productId, String sku, String name, long available, long threshold) {
            this(TYPE, eventId, occurredAt, productId, sku, name, available, threshold);
        }

        @Override
        public Audience audience() {
            return Audience.ADMINS;
        }
    }

    @Serdeable
    record ProductDeleted(String type, String eventId, String occurredAt, String productId, String sku, String name)
        implements ShopEvent {

        static final String TYPE = "product.deleted";

        ProductDeleted(String eventId, String occurredAt, String productId, String sku, String name) {
            this(TYPE, eventId, occurredAt, productId, sku, name);
        }

        @Override
        public Audience audience() {
            return Audience.ADMINS;
        }
    }
}
