package dev.shop.cart.cart;

import static dev.shop.cart.cart.CartFixtures.SHOP;
import static dev.shop.cart.cart.CartFixtures.changePrice;
import static dev.shop.cart.cart.CartFixtures.delete;
import static dev.shop.cart.cart.CartFixtures.product;
import static dev.shop.cart.cart.CartFixtures.put;
import static dev.shop.cart.cart.CartFixtures.setStock;
import static dev.shop.cart.cart.CartFixtures.shopper;
import static dev.shop.cart.cart.CartFixtures.storedCart;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shop.cart.cart.CartFixtures.TestProduct;
import dev.shop.common.table.Keys;
import dev.shop.common.table.ShopTable;
import dev.shop.local.TestShop.TestUser;
import dev.shop.local.client.ApiClient.ApiResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The contract's cart table, row by row, through the gateway and the real handler. */
class CartRoutesTest {

    @Test
    void aUserWithoutACartSeesAnEmptyOne() {
        TestUser user = shopper();

        ApiResponse response = user.api().get("/cart");

        assertThat(response.status()).isEqualTo(200);
        JsonNode cart = response.json();
        assertThat(cart.path("items").isArray()).isTrue();
        assertThat(cart.path("items")).isEmpty();
        assertThat(cart.path("itemCount").asLong()).isZero();
        assertThat(cart.path("subtotalCents").asLong()).isZero();
        assertThat(cart.path("currency").asText()).isEqualTo("USD");
        assertThat(cart.has("updatedAt")).isTrue();
    }

    @Test
    void puttingAQuantityAddsALineAtTheCatalogPrice() {
        TestUser user = shopper();
        TestProduct pen = product(250, 10);
        TestProduct book = product(1_999, 10);

        put(user, pen, 3);
        ApiResponse response = put(user, book, 2);

        assertThat(response.status()).isEqualTo(200);
        JsonNode cart = response.json();
        assertThat(cart.path("items")).hasSize(2);
        JsonNode penLine = cart.path("items").get(0);
        assertThat(penLine.path("productId").asText()).isEqualTo(pen.id());
        assertThat(penLine.path("sku").asText()).isEqualTo(pen.sku());
        assertThat(penLine.path("name").asText()).isEqualTo(pen.name());
        assertThat(penLine.path("quantity").asInt()).isEqualTo(3);
        assertThat(penLine.path("unitPriceCents").asLong()).isEqualTo(250);
        assertThat(penLine.path("lineTotalCents").asLong()).isEqualTo(750);
        assertThat(cart.path("itemCount").asLong()).as("sum of quantities").isEqualTo(5);
        assertThat(cart.path("subtotalCents").asLong()).isEqualTo(750 + 2 * 1_999);
        assertThat(cart.path("currency").asText()).isEqualTo("USD");
        assertThat(Instant.parse(cart.path("updatedAt").asText())).isBeforeOrEqualTo(Instant.now());
        assertThat(user.api().get("/cart").json()).isEqualTo(cart);
    }

    @Test
    void puttingAgainReplacesTheQuantityInsteadOfAddingToIt() {
        TestUser user = shopper();
        TestProduct pen = product();
        put(user, pen, 3);

        JsonNode cart = put(user, pen, 5).json();

        assertThat(cart.path("items")).hasSize(1);
        assertThat(cart.path("items").get(0).path("quantity").asInt()).isEqualTo(5);
        assertThat(storedCart(user)).as("summary and one line").hasSize(2);
    }

    @Test
    void quantityZeroRemovesTheLine() {
        TestUser user = shopper();
        TestProduct pen = product();
        TestProduct book = product();
        put(user, pen, 3);
        put(user, book, 1);

        ApiResponse response = put(user, pen, 0);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("items")).extracting(line -> line.path("productId").asText()).containsExactly(book.id());
        assertThat(response.json().path("itemCount").asLong()).isEqualTo(1);
    }

    @Test
    void quantityZeroForALineNotInTheCartIsAHarmlessNoOp() {
        TestUser user = shopper();

        ApiResponse response = put(user, product(), 0);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("items")).isEmpty();
        assertThat(storedCart(user)).isEmpty();
    }

    @Test
    void theLargestQuantityIsAccepted() {
        TestUser user = shopper();

        ApiResponse response = put(user, product(100, 1_000), 99);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("items").get(0).path("quantity").asInt()).isEqualTo(99);
    }

    @ParameterizedTest
    @ValueSource(strings = {"100", "-1", "\"3\"", "2.5", "null", "true", "1e1"})
    void aQuantityOutsideZeroToNinetyNineOrNotAnIntegerIsRejectedNamingTheField(String quantity) {
        TestUser user = shopper();
        TestProduct pen = product();

        ApiResponse response = user.api().send("PUT", "/cart/items/" + pen.id(), "{\"quantity\": " + quantity + "}",
            "application/json");

        assertBadRequestNaming(response, "quantity");
        assertThat(storedCart(user)).isEmpty();
    }

    @Test
    void aBodyWithoutQuantityIsRejectedNamingTheField() {
        TestUser user = shopper();

        ApiResponse response = user.api().send("PUT", "/cart/items/" + product().id(), "{}", "application/json");

        assertBadRequestNaming(response, "quantity");
    }

    @Test
    void malformedJsonIsABadRequestAsProblemJson() {
        TestUser user = shopper();

        ApiResponse response = user.api().send("PUT", "/cart/items/" + product().id(), "{\"quantity\": ", "application/json");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    /** A product id that cannot be one the catalog issued is a 404 at the edge, on both item routes, and nothing is stored. */
    @ParameterizedTest
    @ValueSource(strings = {"x", "no-such-product", "0B5E3F1C-1D2E-4F5A-8B9C-0D1E2F3A4B5C",
        "%E2%82%AC%E2%82%AC%E2%82%AC%E2%82%AC%E2%82%AC%E2%82%AC%E2%82%AC%E2%82%AC%E2%82%AC%E2%82%AC%E2%82%AC%E2%82%AC"})
    void aMalformedProductIdIsNotFoundOnEveryItemRoute(String productId) {
        TestUser user = shopper();

        ApiResponse put = user.api().put("/cart/items/" + productId, CartFixtures.quantityBody(1));
        ApiResponse delete = user.api().delete("/cart/items/" + productId);

        assertProblem(put, 404);
        assertProblem(delete, 404);
        assertThat(storedCart(user)).isEmpty();
    }

    @Test
    void aProductIdOfTwoThousandCharactersIsNotFound() {
        TestUser user = shopper();

        assertProblem(user.api().put("/cart/items/" + "A".repeat(2_100), CartFixtures.quantityBody(1)), 404);
        assertProblem(user.api().delete("/cart/items/" + "A".repeat(2_100)), 404);
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedMediaType() {
        TestUser user = shopper();

        ApiResponse response = user.api().send("PUT", "/cart/items/" + product().id(), "quantity=1", "text/plain");

        assertProblem(response, 415);
    }

    @Test
    void anUnknownProductIsNotFound() {
        TestUser user = shopper();

        ApiResponse response = user.api().put("/cart/items/" + UUID.randomUUID(), CartFixtures.quantityBody(1));

        assertProblem(response, 404);
        assertThat(storedCart(user)).isEmpty();
    }

    @Test
    void aDeletedProductCannotBeAdded() {
        TestUser user = shopper();
        TestProduct gone = product();
        delete(gone);

        ApiResponse response = put(user, gone, 1);

        assertProblem(response, 404);
        assertThat(storedCart(user)).isEmpty();
    }

    @Test
    void aQuantityAboveTheAvailableStockIsAConflictAndNothingIsWritten() {
        TestUser user = shopper();
        TestProduct scarce = product(500, 3);
        put(user, scarce, 2);

        ApiResponse response = put(user, scarce, 4);

        assertProblem(response, 409);
        assertThat(response.json().path("productId").asText()).isEqualTo(scarce.id());
        assertThat(response.json().path("available").asLong()).isEqualTo(3);
        assertThat(user.api().get("/cart").json().path("items").get(0).path("quantity").asInt()).isEqualTo(2);
        assertThat(put(user, scarce, 3).status()).as("exactly the available stock").isEqualTo(200);
    }

    @Test
    void anOutOfStockProductCannotBeAdded() {
        TestUser user = shopper();
        TestProduct soldOut = product();
        setStock(soldOut, 0);

        assertProblem(put(user, soldOut, 1), 409);
    }

    @Test
    void deletingALineReturnsTheCartWithoutIt() {
        TestUser user = shopper();
        TestProduct pen = product();
        TestProduct book = product();
        put(user, pen, 1);
        put(user, book, 2);

        ApiResponse response = user.api().delete("/cart/items/" + pen.id());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("items")).extracting(line -> line.path("productId").asText()).containsExactly(book.id());
        assertThat(storedCart(user)).as("summary and one line").hasSize(2);
    }

    @Test
    void deletingALineThatIsNotThereStillReturnsTheCart() {
        TestUser user = shopper();
        TestProduct pen = product();
        put(user, pen, 1);

        ApiResponse response = user.api().delete("/cart/items/" + UUID.randomUUID());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("items")).hasSize(1);
        assertThat(shopper().api().delete("/cart/items/" + pen.id()).status()).as("a user without a cart").isEqualTo(200);
    }

    @Test
    void deletingTheCartRemovesEveryStoredItem() {
        TestUser user = shopper();
        put(user, product(), 1);
        put(user, product(), 2);

        ApiResponse response = user.api().delete("/cart");

        assertThat(response.status()).isEqualTo(204);
        assertThat(storedCart(user)).isEmpty();
        assertThat(user.api().get("/cart").json().path("items")).isEmpty();
        assertThat(user.api().delete("/cart").status()).as("again, with no cart").isEqualTo(204);
    }

    @Test
    void oneUsersCartIsInvisibleAndUntouchableToAnother() {
        TestUser owner = shopper();
        TestUser other = shopper();
        TestProduct pen = product();
        put(owner, pen, 2);

        assertThat(other.api().get("/cart").json().path("items")).isEmpty();
        other.api().delete("/cart/items/" + pen.id());
        other.api().delete("/cart");

        assertThat(owner.api().get("/cart").json().path("items").get(0).path("quantity").asInt()).isEqualTo(2);
    }

    @Test
    void pricesFollowTheCatalog() {
        TestUser user = shopper();
        TestProduct pen = product(300, 10);
        put(user, pen, 2);

        changePrice(pen, 450);
        JsonNode cart = user.api().get("/cart").json();

        assertThat(cart.path("items").get(0).path("unitPriceCents").asLong()).isEqualTo(450);
        assertThat(cart.path("items").get(0).path("lineTotalCents").asLong()).isEqualTo(900);
        assertThat(cart.path("subtotalCents").asLong()).isEqualTo(900);
    }

    @Test
    void aLineWhoseProductWasDeletedIsDroppedFromTheCart() {
        TestUser user = shopper();
        TestProduct kept = product(100, 10);
        TestProduct gone = product(200, 10);
        put(user, kept, 1);
        put(user, gone, 3);

        delete(gone);
        JsonNode cart = user.api().get("/cart").json();

        assertThat(cart.path("items")).extracting(line -> line.path("productId").asText()).containsExactly(kept.id());
        assertThat(cart.path("itemCount").asLong()).isEqualTo(1);
        assertThat(cart.path("subtotalCents").asLong()).isEqualTo(100);
        List<Map<String, AttributeValue>> stored = storedCart(user);
        assertThat(stored).as("summary and the kept line").hasSize(2);
        Map<String, AttributeValue> summary = CartFixtures.storedSummary(user);
        assertThat(summary.get("lineCount").n()).isEqualTo("1");
        assertThat(summary.get("itemCount").n()).isEqualTo("1");
    }

    @Test
    void everyWriteSetsTheExpiryOfTheWholeCartThirtyDaysAhead() {
        TestUser user = shopper();
        put(user, product(), 1);
        put(user, product(), 2);
        long thirtyDays = CartService.CART_LIFETIME.toSeconds();

        long now = Instant.now().getEpochSecond();
        put(user, product(), 3);

        List<Map<String, AttributeValue>> stored = storedCart(user);
        assertThat(stored).hasSize(4);
        for (Map<String, AttributeValue> item : stored) {
            long expiresAt = Long.parseLong(item.get(ShopTable.TTL).n());
            if (item.get(ShopTable.SK).s().equals("SUMMARY")) {
                assertThat(expiresAt).isBetween(now + thirtyDays - 5, now + thirtyDays + 60);
            } else {
                // lines outlive their summary by at most a day, so TTL never takes a line from a live cart
                assertThat(expiresAt).isBetween(now + thirtyDays - 5, now + thirtyDays + CartService.LINE_GRACE.toSeconds() + 60);
            }
        }
    }

    @Test
    void aLineWrittenLongAgoGetsItsExpiryPushedBackByTheNextWrite() {
        TestUser user = shopper();
        TestProduct old = product();
        put(user, old, 1);
        long aWeekAgoExpiry = Instant.now().plusSeconds(23L * 24 * 3600).getEpochSecond();
        SHOP.dynamoDb().updateItem(u -> u.tableName(SHOP.tableName())
            .key(Keys.cartLine(user.userId(), old.id()).toAttributeMap())
            .updateExpression("SET #ttl = :ttl")
            .expressionAttributeNames(Map.of("#ttl", ShopTable.TTL))
            .expressionAttributeValues(Map.of(":ttl", AttributeValue.fromN(Long.toString(aWeekAgoExpiry)))));

        long now = Instant.now().getEpochSecond();
        put(user, product(), 1);

        Map<String, AttributeValue> line = SHOP.dynamoDb().getItem(g -> g.tableName(SHOP.tableName())
            .key(Keys.cartLine(user.userId(), old.id()).toAttributeMap()).consistentRead(true)).item();
        assertThat(Long.parseLong(line.get(ShopTable.TTL).n())).isGreaterThanOrEqualTo(now + CartService.CART_LIFETIME.toSeconds());
    }

    @Test
    void everyRouteNeedsAToken() {
        TestProduct pen = product();

        assertProblem(SHOP.anonymous().get("/cart"), 401);
        assertProblem(SHOP.anonymous().put("/cart/items/" + pen.id(), CartFixtures.quantityBody(1)), 401);
        assertProblem(SHOP.anonymous().delete("/cart/items/" + pen.id()), 401);
        assertProblem(SHOP.anonymous().delete("/cart"), 401);
        assertProblem(SHOP.anonymous().get("/cart/admin/abandoned"), 401);
    }

    static void assertProblem(ApiResponse response, int status) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        assertThat(response.json().path("title").asText()).isNotBlank();
    }

    static void assertBadRequestNaming(ApiResponse response, String field) {
        assertProblem(response, 400);
        assertThat(response.json().path("errors")).extracting(error -> error.path("field").asText()).contains(field);
    }
}
