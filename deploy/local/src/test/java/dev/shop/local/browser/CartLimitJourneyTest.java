package dev.shop.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shop.local.browser.BrowserShop.Shopper;
import org.junit.jupiter.api.Test;

/**
 * The contract's 40-line cart limit as a shopper meets it: the API refuses a 41st distinct product, and the
 * storefront shows the refusal where the shopper clicked; the cart keeps its 40 lines and nothing is dropped.
 */
class CartLimitJourneyTest {

    private static final int MAX_LINES = 40;

    private final BrowserShop shop = BrowserShop.get();

    @Test
    void addingA41stDistinctProductShowsTheApisRefusalAndKeepsTheCart() {
        String category = BrowserShop.newCategory();
        List<JsonNode> products = new ArrayList<>();
        for (int i = 1; i <= MAX_LINES + 1; i++) {
            products.add(shop.newProduct(category, "Limit Item " + i, 100 + i, 10));
        }
        Shopper shopper = shop.newShopper();
        for (JsonNode product : products.subList(0, MAX_LINES)) {
            shopper.putInCart(product.path("id").asText(), 1);
        }
        JsonNode last = products.get(MAX_LINES);

        try (Browser browser = Browser.open(shop.storefrontUrl())) {
            browser.signIn(shopper.email(), BrowserShop.PASSWORD);
            browser.sees("Cart (40)");
            browser.visit("#/product/" + last.path("id").asText());
            browser.heading("Limit Item 41");
            browser.click(browser.button("Add to cart"));

            assertThat(browser.alertText()).contains("Cart full").contains("A cart holds at most 40 different products");
            assertThat(browser.pageText()).contains("Cart (40)").doesNotContain("Added 1 × Limit Item 41");

            browser.visit("#/cart");
            browser.heading("Your cart");
            String cart = browser.sees("Limit Item 40");
            assertThat(cart).contains("Limit Item 1").doesNotContain("Limit Item 41");
        }
        assertThat(shopper.api().get("/cart").json().path("items")).hasSize(MAX_LINES);
    }
}
