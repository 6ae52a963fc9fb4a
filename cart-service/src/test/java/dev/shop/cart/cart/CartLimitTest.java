package dev.shop.cart.cart;

import static dev.shop.cart.cart.CartFixtures.product;
import static dev.shop.cart.cart.CartFixtures.put;
import static dev.shop.cart.cart.CartFixtures.shopper;
import static dev.shop.cart.cart.CartFixtures.storedCart;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import dev.shop.cart.cart.CartFixtures.TestProduct;
import dev.shop.local.TestShop.TestUser;
import dev.shop.local.client.ApiClient.ApiResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The documented maximum of distinct products in one cart: 40 (the contract
 * asks for at least 25; CheckoutTest checks a full cart out in one transaction).
 */
class CartLimitTest {

    private static List<TestProduct> products;

    @BeforeAll
    static void createProducts() {
        products = IntStream.range(0, 41).mapToObj(i -> product(100, 10)).toList();
    }

    @Test
    void aCartTakesFortyDistinctProductsAndRefusesTheFortyFirstWithoutStoringIt() {
        TestUser user = fullCart();

        ApiResponse response = put(user, products.get(40), 1);

        CartRoutesTest.assertProblem(response, 409);
        assertThat(response.json().path("maxLines").asInt()).isEqualTo(40);
        assertThat(user.api().get("/cart").json().path("items")).hasSize(40);
        // 40 lines and the summary
        assertThat(storedCart(user)).hasSize(41);
    }

    @Test
    void aFullCartStillChangesTheQuantitiesOfItsLines() {
        TestUser user = fullCart();

        ApiResponse response = put(user, products.get(0), 7);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("items").get(0).path("quantity").asInt()).isEqualTo(7);
    }

    @Test
    void removingALineFromAFullCartMakesRoomForAnother() {
        TestUser user = fullCart();
        put(user, products.get(0), 0);

        ApiResponse response = put(user, products.get(40), 1);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("items")).hasSize(40);
    }

    @Test
    void aFullCartIsDeletedAsAWhole() {
        TestUser user = fullCart();

        assertThat(user.api().delete("/cart").status()).isEqualTo(204);

        assertThat(storedCart(user)).isEmpty();
    }

    private static TestUser fullCart() {
        TestUser user = shopper();
        for (int i = 0; i < 40; i++) {
            assertThat(put(user, products.get(i), 1).status()).isEqualTo(200);
        }
        return user;
    }
}
