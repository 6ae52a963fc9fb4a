package dev.shop.orders;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.shop.common.routes.Service;
import dev.shop.common.table.CartAttributes;
import dev.shop.common.table.Keys;
import dev.shop.common.table.ProductAttributes;
import dev.shop.common.table.ShopTable;
import dev.shop.local.TestShop;
import dev.shop.local.TestShop.TestUser;
import dev.shop.local.client.ApiClient.ApiResponse;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The one place where tests make products and carts. They go through the
 * real routes of catalog-service and cart-service (running beside orders in
 * the test shop from their Lambda jars), so orders' tests exercise the whole
 * path a shopper takes. The table is read to assert on what was stored,
 * never written.
 */
public final class ShopFixtures {

    public final TestShop shop = TestShop.serving(Service.ORDERS);

    private TestUser admin;

    /** A new, live product with {@code available} units at {@code priceCents}, created by an admin; returns its id. */
    public String product(long available, long priceCents) {
        String unique = UUID.randomUUID().toString().replace("-", "");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sku", "SKU-" + unique);
        body.put("name", "Product " + unique.substring(0, 8));
        body.put("category", "test");
        body.put("priceCents", priceCents);
        body.put("initialStock", available);
        return expect(201, admin().api().post("/catalog/products", body)).json().path("id").asText();
    }

    /** Sets a product's stock through the catalog's admin route. */
    public void stock(String productId, long available) {
        expect(200, admin().api().put("/catalog/products/" + productId + "/stock", Map.of("available", available)));
    }

    /** Deletes a product through the catalog: it leaves listings and carts can no longer add it. */
    public void deleteProduct(String productId) {
        expect(204, admin().api().delete("/catalog/products/" + productId));
    }

    /** Sets these lines (product id to quantity) in the user's cart through cart-service, as the shopper. */
    public void cart(TestUser user, Map<String, Integer> lines) {
        for (Map.Entry<String, Integer> line : lines.entrySet()) {
            expect(200, user.api().put("/cart/items/" + line.getKey(), Map.of("quantity", line.getValue())));
        }
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
        List<String> ids = new ArrayList<>();
        page.json().path("items").forEach(order -> ids.add(order.path("id").asText()));
        return ids;
    }

    /** A page's {@code nextCursor}, or null on the last page. */
    public static String nextCursor(ApiResponse page) {
        var cursor = page.json().path("nextCursor");
        return cursor.isMissingNode() || cursor.isNull() ? null : cursor.asText();
    }

    private TestUser admin() {
        if (admin == null) {
            admin = shop.newAdmin();
        }
        return admin;
    }

    private static ApiResponse expect(int status, ApiResponse response) {
        if (response.status() != status) {
            throw new IllegalStateException("Expected " + status + " but got " + response);
        }
        return response;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
