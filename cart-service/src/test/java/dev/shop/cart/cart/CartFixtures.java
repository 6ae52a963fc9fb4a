package dev.shop.cart.cart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shop.common.routes.Service;
import dev.shop.common.table.Keys;
import dev.shop.common.table.ShopTable;
import dev.shop.local.TestShop;
import dev.shop.local.TestShop.TestUser;
import dev.shop.local.client.ApiClient.ApiResponse;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The shop under test and the products cart tests need. Products are made the
 * way an admin makes them, through catalog-service's own routes (it runs beside
 * cart-service from its Lambda jar), so the cart reads exactly what the catalog
 * writes. Every product is new, with a unique SKU: the table is shared by all
 * test classes of the JVM.
 */
final class CartFixtures {

    static final TestShop SHOP = TestShop.serving(Service.CART);
    private static final TestUser ADMIN = SHOP.newAdmin();

    private CartFixtures() {
    }

    /** A product as the catalog created it. */
    record TestProduct(String id, String sku, String name, long priceCents) {
    }

    static TestProduct product(long priceCents, long stock) {
        String sku = "cart-" + UUID.randomUUID().toString().substring(0, 18);
        ApiResponse created = ADMIN.api().post("/catalog/products", productBody(sku, "Cart test " + sku, priceCents, stock));
        assertThat(created.status()).as("create product: %s", created).isEqualTo(201);
        JsonNode product = created.json();
        return new TestProduct(product.path("id").asText(), sku, product.path("name").asText(), priceCents);
    }

    static TestProduct product() {
        return product(1_250, 500);
    }

    static void changePrice(TestProduct product, long priceCents) {
        ApiResponse changed = ADMIN.api().put("/catalog/products/" + product.id(),
            productBody(product.sku(), product.name(), priceCents, 0));
        assertThat(changed.status()).as("change price: %s", changed).isEqualTo(200);
    }

    static void setStock(TestProduct product, long available) {
        ApiResponse set = ADMIN.api().put("/catalog/products/" + product.id() + "/stock", Map.of("available", available));
        assertThat(set.status()).as("set stock: %s", set).isEqualTo(200);
    }

    static void delete(TestProduct product) {
        ApiResponse deleted = ADMIN.api().delete("/catalog/products/" + product.id());
        assertThat(deleted.status()).as("delete product: %s", deleted).isEqualTo(204);
    }

    static TestUser shopper() {
        return SHOP.newShopper();
    }

    static TestUser admin() {
        return ADMIN;
    }

    static ApiResponse put(TestUser user, TestProduct product, Object quantity) {
        return user.api().put("/cart/items/" + product.id(), quantityBody(quantity));
    }

    static Map<String, Object> quantityBody(Object quantity) {
        Map<String, Object> body = new HashMap<>();
        body.put("quantity", quantity);
        return body;
    }

    /** The stored items of a user's cart (summary and lines), straight from the table. */
    static List<Map<String, AttributeValue>> storedCart(TestUser user) {
        return SHOP.dynamoDb().query(q -> q.tableName(SHOP.tableName())
            .keyConditionExpression("#pk = :pk")
            .expressionAttributeNames(Map.of("#pk", ShopTable.PK))
            .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.cartPartition(user.userId()))))
            .consistentRead(true)).items();
    }

    static Map<String, AttributeValue> storedSummary(TestUser user) {
        return SHOP.dynamoDb().getItem(g -> g.tableName(SHOP.tableName())
            .key(Keys.cartSummary(user.userId()).toAttributeMap()).consistentRead(true)).item();
    }

    private static Map<String, Object> productBody(String sku, String name, long priceCents, long stock) {
        return Map.of("sku", sku, "name", name, "description", "A product for cart tests", "category", "cart-tests",
            "priceCents", priceCents, "initialStock", stock);
    }
}
