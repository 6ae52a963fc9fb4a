package dev.shop.common.table;

import java.util.Locale;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every key value of the single table is built here and nowhere else.
 * Partition keys carry an entity prefix so that one table holds all entities
 * without collisions; see docs/data-model.md for the item layout.
 */
public final class Keys {

    private Keys() {
    }

    /** A primary key: partition and sort key values. */
    public record Key(String pk, String sk) {

        /** The key as DynamoDB attribute values, for GetItem, Update and Delete. */
        public Map<String, AttributeValue> toAttributeMap() {
            return Map.of(ShopTable.PK, AttributeValue.fromS(pk), ShopTable.SK, AttributeValue.fromS(sk));
        }
    }

    // --- catalog -------------------------------------------------------------

    public static Key product(String productId) {
        return new Key("PRODUCT#" + productId, "PRODUCT");
    }

    /** Guard item that makes a SKU unique across products. */
    public static Key skuGuard(String sku) {
        return new Key("SKU#" + sku, "SKU");
    }

    /** All per-category counters live in one partition, so listing them is one Query. */
    public static final String CATEGORIES_PARTITION = "CATEGORIES";

    public static Key category(String slug) {
        return new Key(CATEGORIES_PARTITION, "CATEGORY#" + slug);
    }

    /** GSI1 partition of the products in one category. */
    public static String categoryListing(String slug) {
        return "CATEGORY#" + slug;
    }

    /** GSI2 partition holding every active product. */
    public static final String ALL_PRODUCTS = "PRODUCTS";

    /** Sort key of a product in its listings: by name, the id breaking ties. */
    public static String productListingSort(String name, String productId) {
        return name.toLowerCase(Locale.ROOT) + "#" + productId;
    }

    /** Partition of the sparse inventory index. */
    public static final String INVENTORY_PARTITION = "INVENTORY";

    // --- cart ----------------------------------------------------------------

    public static String cartPartition(String userId) {
        return "CART#" + userId;
    }

    public static final String CART_LINE_PREFIX = "LINE#";

    public static Key cartLine(String userId, String productId) {
        return new Key(cartPartition(userId), CART_LINE_PREFIX + productId);
    }

    /** One summary item per cart: line count, last write, and the carts-index entry. */
    public static Key cartSummary(String userId) {
        return new Key(cartPartition(userId), "SUMMARY");
    }

    /** Partition of the sparse carts index. */
    public static final String CARTS_PARTITION = "CARTS";

    /** Sort key of a cart in the carts index: oldest write first, user breaking ties. */
    public static String cartsIndexSort(String updatedAtIso, String userId) {
        return updatedAtIso + "#" + userId;
    }

    // --- orders --------------------------------------------------------------

    public static Key order(String orderId) {
        return new Key("ORDER#" + orderId, "ORDER");
    }

    /** GSI2 partition of one user's orders; sort key is the time-ordered order id. */
    public static String userOrders(String userId) {
        return "USER#" + userId + "#ORDERS";
    }

    /** GSI1 partition of the orders in one status; sort key is the time-ordered order id. */
    public static String ordersInStatus(String status) {
        return "ORDERS#" + status;
    }

    public static Key idempotency(String userId, String idempotencyKey) {
        return new Key("IDEMPOTENCY#" + userId + "#" + idempotencyKey, "IDEMPOTENCY");
    }

    // --- live events (docs/data-model.md) ------------------------------------

    /** The partition of one user's open WebSocket connections: a Query finds them all. */
    public static String liveConnections(String userId) {
        return "USER#" + userId + "#CONNECTIONS";
    }

    public static Key liveConnection(String userId, String connectionId) {
        return new Key(liveConnections(userId), "CONNECTION#" + connectionId);
    }

    /** GSI1 partition of the admins' connections (sparse: only admin connections carry it). */
    public static final String ADMIN_CONNECTIONS = "CONNECTIONS#ADMIN";

    /** Marker that one stream record was delivered, so a redelivery pushes nothing twice. */
    public static Key streamDelivery(String streamEventId) {
        return new Key("STREAM-EVENT#" + streamEventId, "DELIVERED");
    }

    // --- profiles ------------------------------------------------------------

    public static Key profile(String userId) {
        return new Key("PROFILE#" + userId, "PROFILE");
    }

    /** Guard item that makes an email unique across profiles. */
    public static Key emailGuard(String email) {
        return new Key("EMAIL#" + normalizeEmail(email), "EMAIL");
    }

    /** Partition key of a profile in the profiles index. */
    public static String profilesIndexKey(String email) {
        return normalizeEmail(email);
    }

    public static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
