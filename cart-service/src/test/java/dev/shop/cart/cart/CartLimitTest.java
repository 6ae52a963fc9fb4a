package dev.shop.cart.cart;

import static dev.shop.cart.cart.CartFixtures.product;
import static dev.shop.cart.cart.CartFixtures.put;
import static dev.shop.cart.cart.CartFixtures.shopper;
import static dev.shop.cart.cart.CartFixtures.storedCart;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import dev.shop.cart.cart.CartFixtures.TestProduct;
import dev.shop.common.table.CartLimits;
import dev.shop.local.testing.ApiClient.ApiResponse;
import dev.shop.local.testing.TestShop.TestUser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The documented maximum of distinct products in one cart. */
class CartLimitTest {

    private static List<TestProduct> products;

    @BeforeAll
    static void createProducts() {
        products = IntStream.range(0, CartLimits.MAX_CART_LINES + 1).mapToObj(i -> product(100, 10)).toList();
    }

    @Test
    void theMaximumIsAtLeastTheContractsTwentyFiveAndFitsCheckoutInOneTransaction() {
        assertThat(CartLimits.MAX_CART_LINES).isGreaterThanOrEqualTo(25);
        int checkoutActions = 2 * CartLimits.MAX_CART_LINES + 3;
        assertThat(checkoutActions).isLessThanOrEqualTo(100);
    }

    @Test
    void oneDistinctProductMoreThanTheMaximumIsAConflictAndNotStored() {
        TestUser user = fullCart();

        ApiResponse response = put(user, products.get(CartLimits.MAX_CART_LINES), 1);

        CartRoutesTest.assertProblem(response, 409);
        assertThat(user.api().get("/cart").json().path("items")).hasSize(CartLimits.MAX_CART_LINES);
        assertThat(storedCart(user)).hasSize(CartLimits.MAX_CART_LINES + 1);
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

        ApiResponse response = put(user, products.get(CartLimits.MAX_CART_LINES), 1);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("items")).hasSize(CartLimits.MAX_CART_LINES);
    }

    @Test
    void aFullCartIsDeletedAsAWhole() {
        TestUser user = fullCart();

        assertThat(user.api().delete("/cart").status()).isEqualTo(204);

        assertThat(storedCart(user)).isEmpty();
    }

    private static TestUser fullCart() {
        TestUser user = shopper();
        for (int i = 0; i < CartLimits.MAX_CART_LINES; i++) {
            assertThat(put(user, products.get(i), 1).status()).isEqualTo(200);
        }
        return user;
    }
}
