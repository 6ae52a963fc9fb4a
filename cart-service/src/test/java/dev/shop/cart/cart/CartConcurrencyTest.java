package dev.shop.cart.cart;

import static dev.shop.cart.cart.CartFixtures.product;
import static dev.shop.cart.cart.CartFixtures.put;
import static dev.shop.cart.cart.CartFixtures.shopper;
import static dev.shop.cart.cart.CartFixtures.storedCart;
import static dev.shop.cart.cart.CartFixtures.storedSummary;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shop.cart.cart.CartFixtures.TestProduct;
import dev.shop.local.TestShop.TestUser;
import dev.shop.local.client.ApiClient.ApiResponse;
import dev.shop.local.client.Race;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Concurrent writes to one cart, raced for real on threads through the gateway. */
class CartConcurrencyTest {

    @Test
    void twentyParallelPutsOfDifferentProductsAllSucceedWithinTheRetriesAndLeaveTwentyLines() throws Exception {
        TestUser user = shopper();
        List<TestProduct> products = IntStream.range(0, 20).mapToObj(i -> product(100 + i, 50)).toList();

        List<ApiResponse> responses = Race.run(products.stream()
            .<Callable<ApiResponse>>map(product -> () -> put(user, product, 2))
            .toList());

        assertThat(responses).extracting(ApiResponse::status).as("no 503: the retries absorb this contention").containsOnly(200);
        JsonNode cart = user.api().get("/cart").json();
        assertThat(cart.path("items")).extracting(line -> line.path("productId").asText())
            .containsExactlyInAnyOrderElementsOf(products.stream().map(TestProduct::id).toList());
        assertThat(cart.path("itemCount").asLong()).isEqualTo(40);
        Map<String, AttributeValue> summary = storedSummary(user);
        assertThat(summary.get("lineCount").n()).as("the summary counted every line once").isEqualTo("20");
        assertThat(summary.get("itemCount").n()).isEqualTo("40");
        assertThat(storedCart(user)).hasSize(21);
    }

    @Test
    void parallelPutsOfTheSameLineAllSucceedWithinTheRetriesAndLeaveExactlyOneOfTheRequestedQuantities() throws Exception {
        TestUser user = shopper();
        TestProduct pen = product(100, 99);
        List<Integer> quantities = IntStream.rangeClosed(1, 12).boxed().toList();

        List<ApiResponse> responses = Race.run(quantities.stream()
            .<Callable<ApiResponse>>map(quantity -> () -> put(user, pen, quantity))
            .toList());

        assertThat(responses).extracting(ApiResponse::status).as("no 503: the retries absorb this contention").containsOnly(200);
        JsonNode cart = user.api().get("/cart").json();
        assertThat(cart.path("items")).hasSize(1);
        int quantity = cart.path("items").get(0).path("quantity").asInt();
        assertThat(quantity).isIn(quantities);
        Map<String, AttributeValue> summary = storedSummary(user);
        assertThat(summary.get("lineCount").n()).isEqualTo("1");
        assertThat(summary.get("itemCount").n()).as("never a sum").isEqualTo(Integer.toString(quantity));
        assertThat(storedCart(user)).as("summary and one line").hasSize(2);
    }

    @Test
    void parallelAddsAndRemovalsKeepTheSummaryInStepWithTheLines() throws Exception {
        TestUser user = shopper();
        List<TestProduct> products = IntStream.range(0, 8).mapToObj(i -> product()).toList();
        products.forEach(product -> put(user, product, 1));

        List<Callable<ApiResponse>> writes = new ArrayList<>();
        for (int i = 0; i < products.size(); i++) {
            TestProduct product = products.get(i);
            writes.add(i % 2 == 0 ? () -> user.api().delete("/cart/items/" + product.id()) : () -> put(user, product, 3));
        }
        List<ApiResponse> responses = Race.run(writes);

        assertThat(responses).extracting(ApiResponse::status).as("no 503: the retries absorb this contention").containsOnly(200);
        JsonNode cart = user.api().get("/cart").json();
        assertThat(cart.path("items")).hasSize(4);
        assertThat(cart.path("itemCount").asLong()).isEqualTo(12);
        Map<String, AttributeValue> summary = storedSummary(user);
        assertThat(summary.get("lineCount").n()).isEqualTo("4");
        assertThat(summary.get("itemCount").n()).isEqualTo("12");
    }
}
