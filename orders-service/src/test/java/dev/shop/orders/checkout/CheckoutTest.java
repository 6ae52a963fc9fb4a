package dev.shop.orders.checkout;

import static dev.shop.orders.ShopFixtures.address;
import static dev.shop.orders.ShopFixtures.checkoutBody;
import static dev.shop.orders.ShopFixtures.newKey;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shop.common.table.Keys;
import dev.shop.common.table.ShopTable;
import dev.shop.local.TestShop.TestUser;
import dev.shop.local.client.ApiClient.ApiResponse;
import dev.shop.orders.ShopFixtures;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class CheckoutTest {

    private final ShopFixtures fixtures = new ShopFixtures();

    @Test
    void checkoutPlacesOrderAtCatalogPricesDecrementsStockAndEmptiesCart() {
        TestUser buyer = fixtures.shop.newShopper();
        String mug = fixtures.product(10, 1_250);
        String tea = fixtures.product(5, 499);
        fixtures.cart(buyer, Map.of(mug, 2, tea, 3));

        ApiResponse response = fixtures.checkout(buyer, newKey());

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode order = response.json();
        assertThat(response.header("Location")).isEqualTo("/orders/" + order.path("id").asText());
        assertThat(order.path("id").asText()).hasSize(26);
        assertThat(order.path("userId").asText()).isEqualTo(buyer.userId());
        assertThat(order.path("status").asText()).isEqualTo("PLACED");
        assertThat(order.path("totalCents").asLong()).isEqualTo(2 * 1_250 + 3 * 499);
        assertThat(order.path("currency").asText()).isEqualTo("USD");
        assertThat(order.path("version").asLong()).isEqualTo(1);
        assertThat(order.path("shippingAddress").path("country").asText()).isEqualTo("GB");
        assertThat(order.path("createdAt").asText()).endsWith("Z");
        assertThat(order.path("items")).hasSize(2);
        for (JsonNode line : order.path("items")) {
            long expectedPrice = line.path("productId").asText().equals(mug) ? 1_250 : 499;
            assertThat(line.path("unitPriceCents").asLong()).isEqualTo(expectedPrice);
            assertThat(line.path("lineTotalCents").asLong()).isEqualTo(expectedPrice * line.path("quantity").asLong());
            assertThat(line.path("sku").asText()).startsWith("SKU-");
            assertThat(line.path("name").asText()).startsWith("Product ");
        }
        assertThat(fixtures.available(mug)).isEqualTo(8);
        assertThat(fixtures.available(tea)).isEqualTo(2);
        Map<String, AttributeValue> stored = fixtures.storedProduct(mug);
        assertThat(stored.get(ShopTable.INVENTORY.sortKey()).n()).isEqualTo("8");
        assertThat(fixtures.storedCart(buyer)).isEmpty();
        assertThat(fixtures.hasCartSummary(buyer)).isFalse();
    }

    @Test
    void aCartAtItsFortyLineLimitChecksOutWholeInOneTransaction() {
        TestUser buyer = fixtures.shop.newShopper();
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            lines.put(fixtures.product(2, 100), 1);
        }
        fixtures.cart(buyer, lines);

        ApiResponse response = fixtures.checkout(buyer, newKey());

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().path("items")).hasSize(40);
        assertThat(response.json().path("totalCents").asLong()).isEqualTo(40 * 100);
        assertThat(lines.keySet()).allSatisfy(product -> assertThat(fixtures.available(product)).isEqualTo(1));
        assertThat(fixtures.storedCart(buyer)).isEmpty();
    }

    @Test
    void orderIsStoredWithBothListingEntries() {
        TestUser buyer = fixtures.shop.newShopper();
        String orderId = fixtures.placedOrder(buyer, 1);

        Map<String, AttributeValue> stored = fixtures.storedItem(Keys.order(orderId));

        assertThat(stored.get(ShopTable.GSI1.partitionKey()).s()).isEqualTo(Keys.ordersInStatus("PLACED"));
        assertThat(stored.get(ShopTable.GSI1.sortKey()).s()).isEqualTo(orderId);
        assertThat(stored.get(ShopTable.GSI2.partitionKey()).s()).isEqualTo(Keys.userOrders(buyer.userId()));
        assertThat(stored.get(ShopTable.GSI2.sortKey()).s()).isEqualTo(orderId);
    }

    @Test
    void idempotencyRecordKeepsOrderAndBodyHashForAtLeastADay() {
        TestUser buyer = fixtures.shop.newShopper();
        String product = fixtures.product(3, 100);
        fixtures.cart(buyer, product, 1);
        String key = newKey();

        ApiResponse response = fixtures.checkout(buyer, key);

        Map<String, AttributeValue> record = fixtures.storedItem(Keys.idempotency(buyer.userId(), key));
        assertThat(record.get("orderId").s()).isEqualTo(response.json().path("id").asText());
        assertThat(record.get("bodyHash").s()).hasSize(64);
        assertThat(Long.parseLong(record.get(ShopTable.TTL).n()))
            .isGreaterThanOrEqualTo(Instant.now().plusSeconds(24 * 3600 - 60).getEpochSecond());
    }

    @Test
    void sameKeyAgainReturnsSameOrderWithoutSecondDecrement() {
        TestUser buyer = fixtures.shop.newShopper();
        String product = fixtures.product(10, 700);
        fixtures.cart(buyer, product, 2);
        String key = newKey();
        ApiResponse first = fixtures.checkout(buyer, key);
        fixtures.cart(buyer, product, 4);

        ApiResponse again = fixtures.checkout(buyer, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().path("id").asText()).isEqualTo(first.json().path("id").asText());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(fixtures.available(product)).isEqualTo(8);
        assertThat(fixtures.storedCart(buyer)).containsEntry(product, 4);
    }

    @Test
    void sameKeyWithAnotherBodyIs422AndChangesNothing() {
        TestUser buyer = fixtures.shop.newShopper();
        String product = fixtures.product(10, 700);
        fixtures.cart(buyer, product, 1);
        String key = newKey();
        fixtures.checkout(buyer, key);
        fixtures.cart(buyer, product, 1);
        Map<String, Object> otherAddress = new LinkedHashMap<>(address());
        otherAddress.put("city", "Paris");
        otherAddress.put("country", "FR");

        ApiResponse response = buyer.api().withHeader("Idempotency-Key", key)
            .post("/orders", Map.of("shippingAddress", otherAddress));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("status").asInt()).isEqualTo(422);
        assertThat(fixtures.available(product)).isEqualTo(9);
        assertThat(fixtures.storedCart(buyer)).containsEntry(product, 1);
    }

    @Test
    void sameKeyFromAnotherUserIsAnIndependentCheckout() {
        TestUser first = fixtures.shop.newShopper();
        TestUser second = fixtures.shop.newShopper();
        String product = fixtures.product(10, 700);
        fixtures.cart(first, product, 1);
        fixtures.cart(second, product, 1);
        String key = newKey();

        ApiResponse one = fixtures.checkout(first, key);
        ApiResponse two = fixtures.checkout(second, key);

        assertThat(one.status()).isEqualTo(201);
        assertThat(two.status()).isEqualTo(201);
        assertThat(two.json().path("id").asText()).isNotEqualTo(one.json().path("id").asText());
    }

    @Test
    void emptyCartIs409() {
        TestUser buyer = fixtures.shop.newShopper();

        ApiResponse response = fixtures.checkout(buyer, newKey());

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("title").asText()).isEqualTo("Empty cart");
    }

    @Test
    void lineShortOfStockIs409NamingItAndNothingChanges() {
        TestUser buyer = fixtures.shop.newShopper();
        String plenty = fixtures.product(10, 100);
        String scarce = fixtures.product(2, 100);
        fixtures.cart(buyer, Map.of(plenty, 2, scarce, 2));
        fixtures.stock(scarce, 1);

        ApiResponse response = fixtures.checkout(buyer, newKey());

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().path("productIds")).hasSize(1);
        assertThat(response.json().path("productIds").get(0).asText()).isEqualTo(scarce);
        assertThat(response.json().path("detail").asText()).contains(scarce);
        assertThat(fixtures.available(plenty)).isEqualTo(10);
        assertThat(fixtures.available(scarce)).isEqualTo(1);
        assertThat(fixtures.storedCart(buyer)).containsEntry(plenty, 2).containsEntry(scarce, 2);
        assertThat(fixtures.hasCartSummary(buyer)).isTrue();
    }

    @Test
    void deletedProductInCartIs409NamingIt() {
        TestUser buyer = fixtures.shop.newShopper();
        String gone = fixtures.product(10, 100);
        fixtures.cart(buyer, gone, 1);
        fixtures.deleteProduct(gone);

        ApiResponse response = fixtures.checkout(buyer, newKey());

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().path("productIds").get(0).asText()).isEqualTo(gone);
        assertThat(fixtures.available(gone)).isEqualTo(10);
    }

    @Test
    void missingIdempotencyKeyIs400NamingTheHeader() {
        TestUser buyer = fixtures.shop.newShopper();

        ApiResponse response = buyer.api().post("/orders", checkoutBody());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo("Idempotency-Key");
    }

    @Test
    void malformedIdempotencyKeysAre400() {
        TestUser buyer = fixtures.shop.newShopper();

        for (String key : new String[] {"has space", "x".repeat(65), "semi;colon", "ünï"}) {
            ApiResponse response = fixtures.checkout(buyer, key);
            assertThat(response.status()).as(key).isEqualTo(400);
        }
    }

    @Test
    void keyOf64AllowedCharactersIsAccepted() {
        TestUser buyer = fixtures.shop.newShopper();
        String product = fixtures.product(10, 100);
        fixtures.cart(buyer, product, 1);

        ApiResponse response = fixtures.checkout(buyer, "Ab-_9".repeat(12) + "abcd");

        assertThat(response.status()).isEqualTo(201);
    }

    @Test
    void invalidShippingAddressIs400NamingEachField() {
        TestUser buyer = fixtures.shop.newShopper();
        Map<String, Object> address = new LinkedHashMap<>(address());
        address.remove("city");
        address.put("country", "XX");
        address.put("line1", "x".repeat(201));

        ApiResponse response = buyer.api().withHeader("Idempotency-Key", newKey())
            .post("/orders", Map.of("shippingAddress", address));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").findValuesAsText("field"))
            .contains("shippingAddress.city", "shippingAddress.country", "shippingAddress.line1");
    }

    @Test
    void missingShippingAddressIs400() {
        TestUser buyer = fixtures.shop.newShopper();

        ApiResponse response = buyer.api().withHeader("Idempotency-Key", newKey()).post("/orders", Map.of());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void wrongTypeInAddressIs400() {
        TestUser buyer = fixtures.shop.newShopper();

        ApiResponse response = buyer.api().withHeader("Idempotency-Key", newKey()).send("POST", "/orders",
            "{\"shippingAddress\":{\"name\":\"A\",\"line1\":\"B\",\"city\":\"C\",\"postalCode\":12345,\"country\":\"DE\"}}",
            "application/json");

        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void checkoutWithoutTokenIs401() {
        ApiResponse response = fixtures.shop.anonymous().withHeader("Idempotency-Key", newKey())
            .post("/orders", checkoutBody());

        assertThat(response.status()).isEqualTo(401);
    }
}
