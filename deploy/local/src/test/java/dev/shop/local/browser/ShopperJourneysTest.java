package dev.shop.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shop.local.browser.BrowserShop.Shopper;
import dev.shop.local.client.ApiClient.ApiResponse;
import org.junit.jupiter.api.Test;

/**
 * A shopper's journeys through the storefront in a real browser, against the
 * real local stack, asserting what the shopper sees.
 */
class ShopperJourneysTest extends BrowserTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");




    @Test
    void guestFillsACartSignsUpAndTheCartMergesIntoTheOrderTheyThenSee() {
        String category = BrowserShop.newCategory();
        shop.newProduct(category, "Browser Lamp", 2500, 10);
        shop.newProduct(category, "Browser Mug", 900, 3);

        browser.visit("#/");
        browser.heading("All products");
        browser.screenshot(SCREENSHOTS.resolve("storefront.png"));
        browser.click(browser.linkContaining(BrowserShop.categoryName(category) + " (2)"));
        browser.sees("Browser Mug");
        assertThat(browser.sees("only 3 left")).contains("in stock");
        browser.click(browser.link("Browser Lamp"));
        browser.heading("Browser Lamp");
        browser.sees("$25.00");
        browser.fill("Quantity", "2").click(browser.button("Add to cart"));
        browser.sees("Added 2 × Browser Lamp to your cart.");
        browser.click(browser.linkContaining("Cart"));
        browser.heading("Your cart");
        browser.sees("Sign in to see your subtotal");

        String email = "guest-" + System.nanoTime() + "@example.com";
        browser.click(browser.link("Sign in to check out"));
        browser.heading("Sign in");
        browser.click(browser.link("Create an account"));
        browser.heading("Create an account");
        browser.fill("Email", email).fill("Password", BrowserShop.PASSWORD).click(browser.button("Create account"));

        browser.heading("Checkout");
        browser.sees("2 × Browser Lamp");
        browser.sees("Total: $50.00");
        fillAddress();
        browser.click(browser.button("Place order"));

        browser.sees("Thank you! Order placed.");
        assertThat(browser.sees("PLACED")).contains("Browser Lamp", "$50.00", "1 Test Street");
        browser.click(browser.link("Orders"));
        browser.heading("Your orders");
        assertThat(browser.sees("PLACED")).contains("$50.00");
    }

    @Test
    void aRepeatedSignInDoesNotDoubleTheMergedCart() {
        String category = BrowserShop.newCategory();
        JsonNode kettle = shop.newProduct(category, "Merge Kettle", 4000, 20);
        Shopper shopper = shop.newShopper();
        shopper.putInCart(kettle.path("id").asText(), 1);

        browser.visit("#/product/" + kettle.path("id").asText());
        browser.fill("Quantity", "2").click(browser.button("Add to cart"));
        browser.sees("Added 2 × Merge Kettle");
        signIn(shopper.email());
        signOut();
        signIn(shopper.email());

        browser.click(browser.linkContaining("Cart"));
        browser.sees("Subtotal: $120.00");
        assertThat(browser.field("Quantity of Merge Kettle").getAttribute("value")).isEqualTo("3");
        assertThat(shopper.api().get("/cart").json().path("items").get(0).path("quantity").asInt()).isEqualTo(3);
    }

    @Test
    void aGuestLineTheAccountCannotTakeIsNamedNotDroppedSilently() {
        String category = BrowserShop.newCategory();
        JsonNode candle = shop.newProduct(category, "Merge Candle", 800, 3);
        JsonNode soap = shop.newProduct(category, "Merge Soap", 400, 10);
        Shopper shopper = shop.newShopper();

        browser.visit("#/product/" + candle.path("id").asText());
        browser.fill("Quantity", "3").click(browser.button("Add to cart"));
        browser.sees("Added 3 × Merge Candle");
        browser.visit("#/product/" + soap.path("id").asText());
        browser.click(browser.button("Add to cart"));
        browser.sees("Added 1 × Merge Soap");
        ApiResponse sold = shop.admin().put("/catalog/products/" + candle.path("id").asText() + "/stock", Map.of("available", 1));
        assertThat(sold.status()).isEqualTo(200);

        browser.visit("#/signin");
        browser.fill("Email", shopper.email()).fill("Password", BrowserShop.PASSWORD).click(browser.button("Sign in"));

        browser.sees("Merge Candle was not added");
        browser.click(browser.linkContaining("Cart"));
        browser.sees("Subtotal: $4.00");
        assertThat(browser.pageText()).contains("Merge Soap").doesNotContain("Merge Candle");
    }

    @Test
    void doubleClickingPlaceOrderPlacesOneOrder() {
        JsonNode chair = shop.newProduct(BrowserShop.newCategory(), "Double Click Chair", 15000, 10);
        Shopper shopper = shop.newShopper();
        shopper.putInCart(chair.path("id").asText(), 1);

        signIn(shopper.email());
        browser.visit("#/checkout");
        browser.heading("Checkout");
        fillAddress();
        browser.doubleClick(browser.button("Place order"));

        browser.sees("Thank you! Order placed.");
        browser.sees("PLACED");
        assertThat(shopper.api().get("/orders").json().path("items")).hasSize(1);
        assertThat(shopper.api().get("/catalog/products/" + chair.path("id").asText()).json().path("available").asInt()).isEqualTo(9);
    }

    @Test
    void aProductSoldOutBeforeCheckoutIsNamedAndNothingIsOrdered() {
        String category = BrowserShop.newCategory();
        JsonNode scarce = shop.newProduct(category, "Last Lantern", 3000, 1);
        JsonNode plenty = shop.newProduct(category, "Plenty Pencil", 100, 50);
        Shopper shopper = shop.newShopper();
        shopper.putInCart(scarce.path("id").asText(), 1);
        shopper.putInCart(plenty.path("id").asText(), 2);

        signIn(shopper.email());
        browser.visit("#/checkout");
        browser.heading("Checkout");
        fillAddress();
        ApiResponse soldElsewhere = shop.admin().put("/catalog/products/" + scarce.path("id").asText() + "/stock", Map.of("available", 0));
        assertThat(soldElsewhere.status()).isEqualTo(200);
        browser.click(browser.button("Place order"));

        assertThat(browser.alertText()).contains("Not enough stock for: Last Lantern").doesNotContain("Plenty Pencil");
        browser.link("Change your cart");
        assertThat(shopper.api().get("/orders").json().path("items")).isEmpty();
        assertThat(shopper.api().get("/cart").json().path("items")).hasSize(2);
    }

    @Test
    void cancellingAPlacedOrderPutsTheStockBack() {
        JsonNode radio = shop.newProduct(BrowserShop.newCategory(), "Cancel Radio", 5500, 5);
        String radioPage = "#/product/" + radio.path("id").asText();
        Shopper shopper = shop.newShopper();
        signIn(shopper.email());
        browser.visit(radioPage);
        browser.sees("only 5 left");
        browser.fill("Quantity", "2").click(browser.button("Add to cart"));
        browser.sees("Added 2 × Cancel Radio");
        browser.visit("#/checkout");
        browser.heading("Checkout");
        fillAddress();
        browser.click(browser.button("Place order"));
        browser.sees("Thank you! Order placed.");
        String orderPage = browser.currentUrl();

        browser.visit(radioPage);
        browser.sees("only 3 left");
        browser.driver().get(orderPage);
        browser.click(browser.button("Cancel order"));
        browser.acceptConfirmation();
        browser.sees("Your order is cancelled.");
        browser.sees("CANCELLED");
        assertThat(browser.pageText()).doesNotContain("Cancel order");

        browser.visit(radioPage);
        browser.sees("only 5 left");
    }

    @Test
    void aSavedAddressPrefillsCheckoutAndARefusedFieldIsExplainedBesideIt() {
        JsonNode book = shop.newProduct(BrowserShop.newCategory(), "Profile Book", 1200, 10);
        Shopper shopper = shop.newShopper();
        shopper.putInCart(book.path("id").asText(), 1);
        signIn(shopper.email());

        browser.click(browser.link("Profile"));
        browser.heading("Your profile");
        browser.sees(shopper.email());
        browser.fill("Display name", "Ada").click(browser.button("Save name"));
        browser.sees("Profile saved.");
        browser.fill("Full name", "Ada Lovelace").fill("Address line 1", "12 Analytical Row").fill("City", "London")
            .fill("Postal code", "N1 9GU").fill("Country (2-letter code)", "Q1").click(browser.button("Add address"));
        assertThat(browser.problemBeside("Country (2-letter code)")).isNotBlank();
        browser.fill("Country (2-letter code)", "GB").click(browser.button("Add address"));
        browser.sees("Ada Lovelace, 12 Analytical Row, N1 9GU London, GB");

        browser.visit("#/checkout");
        browser.heading("Checkout");
        assertThat(browser.field("Full name").getAttribute("value")).isEqualTo("Ada Lovelace");
        assertThat(browser.field("City").getAttribute("value")).isEqualTo("London");
        browser.click(browser.button("Place order"));
        assertThat(browser.sees("12 Analytical Row")).contains("PLACED");
    }

    @Test
    void aTokenAboutToExpireIsRefreshedBeforeTheCall() {
        Shopper shopper = shop.newShopper();
        signIn(shopper.email());

        // The stored token is broken and due: only a refresh (REFRESH_TOKEN_AUTH) can make the next call work.
        script("const s = JSON.parse(sessionStorage.getItem('shop.session'));"
            + "s.accessToken = 'expired'; s.expiresAt = Date.now(); sessionStorage.setItem('shop.session', JSON.stringify(s));");
        browser.driver().navigate().refresh();
        browser.visit("#/orders");

        browser.heading("Your orders");
        browser.sees("You have no orders yet.");
        assertThat(session("accessToken")).isNotEqualTo("expired").startsWith("ey");
    }

    @Test
    void aRefusedSessionSendsTheShopperToSignInAndBackToWhereTheyWere() {
        Shopper shopper = shop.newShopper();
        signIn(shopper.email());
        script("const s = JSON.parse(sessionStorage.getItem('shop.session'));"
            + "s.accessToken = 'revoked'; s.refreshToken = 'revoked'; s.expiresAt = Date.now() + 3600000;"
            + "sessionStorage.setItem('shop.session', JSON.stringify(s));");
        browser.driver().navigate().refresh();

        browser.visit("#/profile");
        browser.heading("Sign in");
        assertThat(browser.currentUrl()).contains("next=");
        browser.fill("Email", shopper.email()).fill("Password", BrowserShop.PASSWORD).click(browser.button("Sign in"));
        browser.heading("Your profile");
        browser.sees(shopper.email());
    }

    @Test
    void theShopWorksAtPhoneWidth() {
        JsonNode pen = shop.newProduct(BrowserShop.newCategory(), "Phone Pen", 350, 40);
        browser.resize(390, 844);
        browser.visit("#/product/" + pen.path("id").asText());
        browser.heading("Phone Pen");
        browser.click(browser.button("Add to cart"));
        browser.sees("Added 1 × Phone Pen");
        browser.click(browser.linkContaining("Cart"));
        browser.sees("Phone Pen");
        Object scrollWidth = browser.driver() instanceof org.openqa.selenium.JavascriptExecutor js
            ? js.executeScript("return document.documentElement.scrollWidth") : null;
        assertThat(((Number) scrollWidth).intValue()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(390);
    }

    private Object script(String javascript) {
        return ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(javascript);
    }

    private String session(String member) {
        return (String) script("return JSON.parse(sessionStorage.getItem('shop.session'))." + member + ";");
    }

    private void fillAddress() {
        browser.fill("Full name", "Ada Shopper").fill("Address line 1", "1 Test Street").fill("City", "Lisbon")
            .fill("Postal code", "1000-001").fill("Country (2-letter code)", "PT");
    }

    private void signIn(String email) {
        browser.signIn(email, BrowserShop.PASSWORD);
    }

    private void signOut() {
        browser.click(browser.button("Sign out"));
        browser.sees("You are signed out.");
    }
}
