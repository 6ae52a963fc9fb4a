package dev.shop.orders.live;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.shop.common.table.Keys;
import dev.shop.common.table.ProductAttributes;
import dev.shop.common.table.ShopTable;
import dev.shop.orders.order.OrderItem;
import dev.shop.orders.order.OrderStatus;

/**
 * One committed item change from the table's stream, and the rules that turn
 * it into domain events. Pure: no I/O, so each rule has a unit test.
 *
 * @param eventId   the stream record's {@code eventID}
 * @param eventName {@code INSERT}, {@code MODIFY} or {@code REMOVE}
 */
record StreamChange(String eventId, String eventName, Instant committedAt, Image oldImage, Image newImage) {

    private static final String ORDER = Keys.order("x").sk();
    private static final String PRODUCT = Keys.product("x").sk();

    /** The events this change stands for; none for item types and changes nobody listens to. */
    List<ShopEvent> events(long lowStockThreshold) {
        Image current = newImage.exists() ? newImage : oldImage;
        String sortKey = current.string(ShopTable.SK).orElse("");
        if (sortKey.equals(ORDER)) {
            return orderEvents();
        }
        if (sortKey.equals(PRODUCT)) {
            return productEvents(lowStockThreshold);
        }
        return List.of();
    }

    private List<ShopEvent> orderEvents() {
        String at = committedAt.toString();
        return switch (eventName) {
            case "INSERT" -> {
                OrderStatus status = status(newImage);
                if (status != OrderStatus.PLACED) {
                    throw new UnreadableRecord("a new order in status " + status);
                }
                yield List.of(new ShopEvent.OrderPlaced(eventId, at, newImage.requiredString(OrderItem.ID),
                    newImage.requiredString(OrderItem.USER_ID), newImage.requiredNumber(OrderItem.TOTAL_CENTS),
                    newImage.requiredString(OrderItem.CURRENCY)));
            }
            case "MODIFY" -> {
                OrderStatus from = status(oldImage);
                OrderStatus to = status(newImage);
                if (from == to) {
                    yield List.of();
                }
                String orderId = newImage.requiredString(OrderItem.ID);
                String userId = newImage.requiredString(OrderItem.USER_ID);
                yield List.of(to == OrderStatus.CANCELLED
                    ? new ShopEvent.OrderCancelled(eventId, at, orderId, userId, from.name())
                    : new ShopEvent.OrderStatusChanged(eventId, at, orderId, userId, from.name(), to.name()));
            }
            default -> List.of();
        };
    }

    private static OrderStatus status(Image image) {
        String name = image.requiredString(OrderItem.STATUS);
        return OrderStatus.parse(name).orElseThrow(() -> new UnreadableRecord("unknown order status " + name));
    }

    /**
     * A product is deleted when it gains {@code deletedAt} (catalog-service
     * keeps the item) or the item itself goes; its stock runs low when
     * {@code available} crosses the threshold downwards, so an alert fires once
     * per fall, not on every sale below it.
     */
    private List<ShopEvent> productEvents(long threshold) {
        String at = committedAt.toString();
        List<ShopEvent> events = new ArrayList<>();
        boolean wasActive = oldImage.exists() && !oldImage.has(ProductAttributes.DELETED_AT);
        boolean isActive = newImage.exists() && !newImage.has(ProductAttributes.DELETED_AT);
        if (wasActive && !isActive) {
            events.add(new ShopEvent.ProductDeleted(eventId, at, oldImage.requiredString(ProductAttributes.ID),
                oldImage.string(ProductAttributes.SKU).orElse(null), oldImage.string(ProductAttributes.NAME).orElse(null)));
        }
        if (wasActive && isActive) {
            long before = oldImage.requiredNumber(ProductAttributes.AVAILABLE);
            long after = newImage.requiredNumber(ProductAttributes.AVAILABLE);
            if (before > threshold && after <= threshold) {
                events.add(new ShopEvent.StockLow(eventId, at, newImage.requiredString(ProductAttributes.ID),
                    newImage.string(ProductAttributes.SKU).orElse(null), newImage.string(ProductAttributes.NAME).orElse(null),
                    after, threshold));
            }
        }
        return events;
    }
}
