package dev.shop.cart.cart;

import static dev.shop.cart.cart.CartFixtures.SHOP;
import static dev.shop.cart.cart.CartFixtures.product;
import static dev.shop.cart.cart.CartFixtures.put;
import static dev.shop.cart.cart.CartFixtures.shopper;
import static dev.shop.cart.cart.CartFixtures.storedCart;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shop.cart.cart.CartFixtures.TestProduct;
import dev.shop.common.table.Keys;
import dev.shop.common.table.ShopTable;
import dev.shop.local.TestShop.TestUser;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A cart past its expiry whose items DynamoDB TTL has not deleted yet (TTL
 * works within days, not to the second) reads as gone and is never revived.
 */
class CartExpiryTest {

    @Test
    void anExpiredCartReadsAsEmptyAndIsCleared() {
        TestUser user = shopper();
        put(user, product(), 2);
        expire(user);

        JsonNode cart = user.api().get("/cart").json();

        assertThat(cart.path("items")).isEmpty();
        assertThat(storedCart(user)).isEmpty();
    }

    @Test
    void aWriteToAnExpiredCartStartsAFreshOne() {
        TestUser user = shopper();
        TestProduct old = product();
        TestProduct fresh = product();
        put(user, old, 2);
        expire(user);

        JsonNode cart = put(user, fresh, 1).json();

        assertThat(cart.path("items")).extracting(line -> line.path("productId").asText()).containsExactly(fresh.id());
        assertThat(CartFixtures.storedSummary(user).get("lineCount").n()).isEqualTo("1");
        assertThat(storedCart(user)).hasSize(2);
    }

    private static void expire(TestUser user) {
        SHOP.dynamoDb().updateItem(u -> u.tableName(SHOP.tableName())
            .key(Keys.cartSummary(user.userId()).toAttributeMap())
            .updateExpression("SET #ttl = :past")
            .expressionAttributeNames(Map.of("#ttl", ShopTable.TTL))
            .expressionAttributeValues(Map.of(":past", AttributeValue.fromN(Long.toString(Instant.now().getEpochSecond() - 60)))));
    }
}
