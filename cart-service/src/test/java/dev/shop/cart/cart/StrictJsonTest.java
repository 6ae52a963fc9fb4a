package dev.shop.cart.cart;

import static dev.shop.cart.cart.CartFixtures.product;
import static dev.shop.cart.cart.CartFixtures.put;
import static dev.shop.cart.cart.CartFixtures.shopper;
import static dev.shop.cart.cart.CartRoutesTest.assertBadRequestNaming;
import static dev.shop.cart.cart.CartRoutesTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shop.cart.cart.CartFixtures.TestProduct;
import dev.shop.local.TestShop.TestUser;
import org.junit.jupiter.api.Test;

/** CONTRACT.md "Strict JSON" on the cart's write route: refused, and the cart stays as it was. */
class StrictJsonTest {

    @Test
    void trailingContentAfterTheBodyIsRefused() {
        TestUser user = shopper();
        TestProduct pen = product();
        put(user, pen, 2);

        assertBadRequestNaming(user.api().send("PUT", "/cart/items/" + pen.id(), "{\"quantity\":1}xyz", "application/json"), "body");
        assertBadRequestNaming(user.api().send("PUT", "/cart/items/" + pen.id(), "{\"quantity\":1} {\"quantity\":9}", "application/json"),
            "body");
        assertThat(user.api().get("/cart").json().path("items").get(0).path("quantity").asInt()).isEqualTo(2);
    }

    @Test
    void aMemberNamedTwiceIsRefused() {
        TestUser user = shopper();
        TestProduct pen = product();
        put(user, pen, 2);

        assertBadRequestNaming(user.api().send("PUT", "/cart/items/" + pen.id(), "{\"quantity\":1,\"quantity\":99}", "application/json"),
            "quantity");
        assertThat(user.api().get("/cart").json().path("items").get(0).path("quantity").asInt()).isEqualTo(2);
    }

    @Test
    void aBodyWithoutContentTypeIsUnsupportedMediaType() {
        TestUser user = shopper();
        TestProduct pen = product();

        assertProblem(user.api().send("PUT", "/cart/items/" + pen.id(), "{\"quantity\":1}", null), 415);
        assertThat(user.api().get("/cart").json().path("items")).isEmpty();
    }
}
