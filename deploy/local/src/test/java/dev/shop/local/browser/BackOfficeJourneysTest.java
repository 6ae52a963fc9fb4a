package dev.shop.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shop.common.routes.Access;
import dev.shop.common.routes.Routes;
import dev.shop.local.browser.BrowserShop.Shopper;
import dev.shop.local.client.ApiClient;
import dev.shop.local.client.ApiClient.ApiResponse;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The back office in a real browser: what an admin sees and does, and that a
 * shopper never gets in, neither through the page nor through the API.
 */
class BackOfficeJourneysTest extends BrowserTest {

    @Test
    void anotherAdminsEditLandingFirstIsShownAndTheNewerVersionCanBeLoaded() {
        JsonNode product = shop.newProduct(BrowserShop.newCategory(), "Contested Clock", 2000, 8);
        String id = product.path("id").asText();
        signInAsAdmin();
        browser.visit("#/admin/products/" + id);
        browser.heading("Edit Contested Clock");
        browser.sees("Version 1");

        Map<String, Object> otherEdit = new LinkedHashMap<>();
        otherEdit.put("sku", product.path("sku").asText());
        otherEdit.put("name", "Contested Clock, renamed");
        otherEdit.put("description", product.path("description").asText());
        otherEdit.put("category", product.path("category").asText());
        otherEdit.put("priceCents", 2100);
        ApiResponse landedFirst = shop.admin().withHeader("If-Match", "\"1\"").put("/catalog/products/" + id, otherEdit);
        assertThat(landedFirst.status()).as(landedFirst.toString()).isEqualTo(200);

        browser.fill("Price in cents", "2500").click(browser.button("Save changes"));
        assertThat(browser.alertText()).contains("Someone saved version 2 first: \"Contested Clock, renamed\", $21.00");
        browser.click(browser.button("Load the newer version"));
        browser.heading("Edit Contested Clock, renamed");
        browser.sees("Version 2");
        browser.fill("Price in cents", "2500").click(browser.button("Save changes"));
        browser.sees("Saved Contested Clock, renamed (version 3).");
        assertThat(shop.admin().get("/catalog/products/" + id).json().path("priceCents").asLong()).isEqualTo(2500);
    }

    @Test
    void anAdminShipsAnOrderAndTheShopperSeesItShipped() {
        JsonNode tent = shop.newProduct(BrowserShop.newCategory(), "Shipping Tent", 19900, 5);
        Shopper shopper = shop.newShopper();
        shopper.putInCart(tent.path("id").asText(), 1);
        String orderId = shopper.placeOrder().path("id").asText();
        Shopper other = shop.newShopper();
        other.putInCart(tent.path("id").asText(), 1);
        String otherOrderId = other.placeOrder().path("id").asText();

        signInAsAdmin();
        browser.click(browser.link("Back office"));
        browser.heading("Back office");
        browser.click(browser.link("Customer orders"));
        browser.heading("Orders: PLACED");
        moveOrder(otherOrderId, "DELIVERED");
        assertThat(browser.alertText()).contains("PLACED");
        moveOrder(orderId, "SHIPPED");
        browser.sees("Moved to SHIPPED.");
        browser.screenshot(ShopperJourneysTest.SCREENSHOTS.resolve("back-office.png"));
        browser.click(browser.button("Sign out"));

        browser.signIn(shopper.email(), BrowserShop.PASSWORD);
        browser.click(browser.link("Orders"));
        browser.sees("SHIPPED");
        browser.click(browser.link("Order " + shortId(orderId)));
        assertThat(browser.sees("Status: SHIPPED")).contains("Shipping Tent");
        assertThat(browser.pageText()).doesNotContain("Cancel order");
    }

    @Test
    void aShopperNeverSeesTheBackOfficeAndTheApiRefusesItsRoutes() {
        Shopper shopper = shop.newShopper();
        browser.signIn(shopper.email(), BrowserShop.PASSWORD);
        assertThat(browser.showsLink("Back office")).isFalse();

        browser.visit("#/admin/orders");
        browser.heading("Not allowed");
        assertThat(browser.pageText()).contains("The back office is for the shop's admins only.").doesNotContain("Orders: PLACED");

        ApiClient api = shopper.api();
        Routes.ALL.stream().filter(route -> route.access() == Access.ADMIN).forEach(route -> {
            String path = route.path().replaceAll("\\{[^}]+}", "0000000000000000");
            ApiResponse refused = api.send(route.method(), path, route.method().equals("GET") || route.method().equals("DELETE") ? null : "{}",
                "application/json");
            assertThat(refused.status()).as(route.routeKey() + ": " + refused).isEqualTo(403);
        });
    }

    @Test
    void theBackOfficeReportsLowStockAndFindsAProfileByEmail() {
        String category = BrowserShop.newCategory();
        JsonNode nearlyGone = shop.newProduct(category, "Nearly Gone Vase", 4500, 1);
        Shopper shopper = shop.newShopper();
        shopper.api().get("/profile");
        signInAsAdmin();

        browser.visit("#/admin/low-stock");
        browser.heading("Low stock");
        browser.fill("Threshold", "1").click(browser.button("Show"));
        browser.sees("Nearly Gone Vase");

        browser.click(browser.link("Nearly Gone Vase"));
        browser.heading("Edit Nearly Gone Vase");
        browser.fill("Change by (e.g. 5 or -2)", "-3").fill("Reason", "breakage").click(browser.button("Adjust stock"));
        assertThat(browser.alertText()).isNotBlank();
        browser.fill("Change by (e.g. 5 or -2)", "6").fill("Reason", "delivery").click(browser.button("Adjust stock"));
        browser.sees("Stock of Nearly Gone Vase is now 7.");
        assertThat(shop.admin().get("/catalog/products/" + nearlyGone.path("id").asText()).json().path("available").asInt()).isEqualTo(7);

        browser.click(browser.link("Profile lookup"));
        browser.fill("Customer email", shopper.email()).click(browser.button("Look up"));
        browser.sees("User id");
        assertThat(browser.pageText()).contains(shopper.email());
    }

    @Test
    void anAdminCreatesAProductFixingARefusedFieldThenDeletesIt() {
        String category = BrowserShop.newCategory();
        signInAsAdmin();
        browser.visit("#/admin/products/new");
        browser.heading("New product");
        browser.fill("SKU", "BT-NEW-" + System.nanoTime() % 1_000_000).fill("Name", "Created Candle")
            .fill("Category", category).fill("Price in cents", "0").fill("Initial stock", "3")
            .click(browser.button("Create product"));
        assertThat(browser.problemBeside("Price in cents")).isNotBlank();

        browser.fill("Price in cents", "1500").click(browser.button("Create product"));
        browser.heading("Edit Created Candle");
        browser.sees("Created Created Candle.");
        String id = browser.currentUrl().replaceAll(".*#/admin/products/", "");
        assertThat(shop.admin().get("/catalog/products/" + id).json().path("available").asInt()).isEqualTo(3);

        browser.click(browser.button("Delete product"));
        browser.acceptConfirmation();
        browser.sees("Deleted Created Candle.");
        browser.heading("Products");
        assertThat(shop.admin().get("/catalog/products/" + id).status()).isEqualTo(404);
    }

    @Test
    void abandonedCartsListAShoppersIdleCart() {
        JsonNode lamp = shop.newProduct(BrowserShop.newCategory(), "Idle Lamp", 3300, 9);
        Shopper shopper = shop.newShopper();
        shopper.putInCart(lamp.path("id").asText(), 2);
        String userId = shopper.api().get("/profile").json().path("userId").asText();
        signInAsAdmin();

        browser.visit("#/admin/carts");
        browser.heading("Abandoned carts");
        browser.fill("Idle for at least (minutes)", "0").click(browser.button("Show"));
        browser.sees("Last change");
        // Oldest first, and the other tests' carts are older: follow the pages to this one.
        for (int page = 0; page < 20 && !browser.pageText().contains(userId); page++) {
            browser.click(browser.button("More carts"));
        }
        assertThat(browser.sees(userId)).contains("$66.00");
    }

    private void moveOrder(String orderId, String status) {
        WebElement control = browser.field("New status of order " + shortId(orderId));
        new Select(control).selectByVisibleText(status);
        WebElement form = control.findElement(By.xpath("./ancestor::form"));
        browser.click(form.findElement(By.xpath(".//button[normalize-space()='Move']")));
    }

    /** How the storefront names an order to people: the id's last 8 characters. */
    private static String shortId(String orderId) {
        return orderId.substring(orderId.length() - 8);
    }

    private void signInAsAdmin() {
        browser.signIn(shop.demoAdmin().username(), shop.demoAdmin().password());
    }
}
