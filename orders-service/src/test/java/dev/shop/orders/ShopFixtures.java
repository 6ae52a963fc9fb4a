package dev.shop.orders;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.shop.common.routes.Service;
import dev.shop.common.table.CartAttributes;
import dev.shop.common.table.Keys;
import dev.shop.common.table.ProductAttributes;
import dev.shop.common.table.ShopTable;
import dev.shop.local.testing.ApiClient.ApiResponse;
import dev.shop.local.testing.TestShop;
import dev.shop.local.testing.TestShop.TestUser;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The one place where tests make products and carts. They are written
 * straight into the table as catalog-service and cart-service store them
 * (ProductAttributes, CartAttributes, Keys), so these tests depend on the
 * shared data model rather than on the other services' routes.
 */
public final class ShopFixtures {

    public final TestShop shop = TestShop.serving(Service.ORDERS);

    /** A new, live product with {@code available} units at {@code priceCents}; returns its id. */
    public String product(long available, long priceCents) {
        String id = UUID.randomUUID().toString();
        Keys.Key key = Keys.product(id);
        String now = Instant.now().toString();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ShopTable.PK, s(key.pk()));
        item.put(ShopTable.SK, s(key.sk()));
        item.put(ProductAttributes.ID, s(id));
        item.put(ProductAttributes.SKU, s("SKU-" + id.substring(0, 8)));
        item.put(ProductAttributes.NAME, s("Product " + id.substring(0, 8)));
        item.put(ProductAttributes.CATEGORY, s("test"));
        item.put(ProductAttributes.PRICE_CENTS, n(priceCents));
        item.put(ProductAttributes.CURRENCY, s("USD"));
        item.put(ProductAttributes.AVAILABLE, n(available));
        item.put(ProductAttributes.VERSION, n(1));
        item.put(ProductAttributes.CREATED_AT, s(now));
        item.put(ProductAttributes.UPDATED_AT, s(now));
        item.put(ShopTable.INVENTORY.partitionKey(), s(Keys.INVENTORY_PARTITION));
        item.put(ShopTable.INVENTORY.sortKey(), n(available));
        shop.dynamoDb().putItem(r -> r.tableName(shop.tableName()).item(item));
        return id;
    }

    /** Soft-deletes a product the way catalog-service does: it stays, marked, and leaves the inventory index. */
    public void deleteProduct(String productId) {
        shop.dynamoDb().updateItem(r -> r.tableName(shop.tableName()).key(Keys.product(productId).toAttributeMap())
            .updateExpression("SET #deletedAt = :now REMOVE #inventoryPK")
            .expressionAttributeNames(Map.of("#deletedAt", ProductAttributes.DELETED_AT,
                "#inventoryPK", ShopTable.INVENTORY.partitionKey()))
            .expressionAttributeValues(Map.of(":now", s(Instant.now().toString()))));
    }

    /** Puts these lines (product id to quantity) into the user's cart, with its summary. */
    public void cart(TestUser user, Map<String, Integer> lines) {
        Instant now = Instant.now();
        long expiresAt = now.plusSeconds(30L * 24 * 3600).getEpochSecond();
        for (Map.Entry<String, Integer> line : lines.entrySet()) {
            Keys.Key key = Keys.cartLine(user.userId(), line.getKey());
            Map<String, AttributeValue> item = new HashMap<>();
            item.put(ShopTable.PK, s(key.pk()));
            item.put(ShopTable.SK, s(key.sk()));
            item.put(CartAttributes.PRODUCT_ID, s(line.getKey()));
            item.put(CartAttributes.QUANTITY, n(line.getValue()));
            item.put(CartAttributes.ADDED_AT, s(now.toString()));
            item.put(CartAttributes.UPDATED_AT, s(now.toString()));
            item.put(CartAttributes.VERSION, n(1));
            item.put(ShopTable.TTL, n(expiresAt));
            shop.dynamoDb().putItem(r -> r.tableName(shop.tableName()).item(item));
        }
        Keys.Key summary = Keys.cartSummary(user.userId());
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ShopTable.PK, s(summary.pk()));
        item.put(ShopTable.SK, s(summary.sk()));
        item.put(CartAttributes.USER_ID, s(user.userId()));
        item.put(CartAttributes.LINE_COUNT, n(lines.size()));
        item.put(CartAttributes.ITEM_COUNT, n(lines.values().stream().mapToInt(Integer::intValue).sum()));
        item.put(CartAttributes.UPDATED_AT, s(now.toString()));
        item.put(ShopTable.TTL, n(expiresAt));
        item.put(ShopTable.CARTS.partitionKey(), s(Keys.CARTS_PARTITION));
        item.put(ShopTable.CARTS.sortKey(), s(Keys.cartsIndexSort(now.toString(), user.userId())));
        shop.dynamoDb().putItem(r -> r.tableName(shop.tableName()).item(item));
    }

    public void cart(TestUser user, String productId, int quantity) {
        cart(user, Map.of(productId, quantity));
    }

    /** The lines of a user's cart as stored: product id to quantity. */
    public Map<String, Integer> storedCart(TestUser user) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        shop.dynamoDb().queryPaginator(r -> r.tableName(shop.tableName()).consistentRead(true)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", ShopTable.PK))
                .expressionAttributeValues(Map.of(":pk", s(Keys.cartPartition(user.userId())))))
            .items().forEach(item -> {
                if (item.get(ShopTable.SK).s().startsWith(Keys.CART_LINE_PREFIX)) {
                    lines.put(item.get(CartAttributes.PRODUCT_ID).s(), Integer.parseInt(item.get(CartAttributes.QUANTITY).n()));
                }
            });
        return lines;
    }

    public boolean hasCartSummary(TestUser user) {
        return shop.dynamoDb().getItem(r -> r.tableName(shop.tableName()).consistentRead(true)
            .key(Keys.cartSummary(user.userId()).toAttributeMap())).hasItem();
    }

    /** A product item as stored. */
    public Map<String, AttributeValue> storedProduct(String productId) {
        return shop.dynamoDb().getItem(r -> r.tableName(shop.tableName()).consistentRead(true)
            .key(Keys.product(productId).toAttributeMap())).item();
    }

    public long available(String productId) {
        return Long.parseLong(storedProduct(productId).get(ProductAttributes.AVAILABLE).n());
    }

    public Map<String, AttributeValue> storedItem(Keys.Key key) {
        return shop.dynamoDb().getItem(r -> r.tableName(shop.tableName()).consistentRead(true)
            .key(key.toAttributeMap())).item();
    }

    public static Map<String, Object> address() {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("name", "Ada Lovelace");
        address.put("line1", "12 St James's Square");
        address.put("city", "London");
        address.put("postalCode", "SW1Y 4JH");
        address.put("country", "GB");
        return address;
    }

    public static Map<String, Object> checkoutBody() {
        return Map.of("shippingAddress", address());
    }

    public static String newKey() {
        return UUID.randomUUID().toString();
    }

    public ApiResponse checkout(TestUser user, String idempotencyKey) {
        return user.api().withHeader("Idempotency-Key", idempotencyKey).post("/orders", checkoutBody());
    }

    /** A placed order of {@code quantity} units of a new product for this user; returns the response's order id. */
    public String placedOrder(TestUser user, int quantity) {
        String product = product(100, 1_000);
        cart(user, product, quantity);
        ApiResponse response = checkout(user, newKey());
        if (response.status() != 201) {
            throw new IllegalStateException("Checkout failed: " + response);
        }
        return response.json().path("id").asText();
    }

    public static List<String> ids(ApiResponse page) {
        List<String> ids = new java.util.ArrayList<>();
        page.json().path("items").forEach(order -> ids.add(order.path("id").asText()));
        return ids;
    }

    /** A page's {@code nextCursor}, or null on the last page. */
    public static String nextCursor(ApiResponse page) {
        var cursor = page.json().path("nextCursor");
        return cursor.isMissingNode() || cursor.isNull() ? null : cursor.asText();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
