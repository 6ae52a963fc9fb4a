package dev.shop.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shop.local.browser.BrowserShop.Shopper;
import dev.shop.local.live.LocalWebSocketApi;
import dev.shop.local.stack.StackInfo;
import dev.shop.local.client.ApiClient.ApiResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The storefront's live events (docs/live-events.md) in a real browser, over the real local stack: a change made
 * over HTTP by someone else reaches the page through the table's stream and the local WebSocket API, without a
 * reload; and a page whose connection dropped reconnects and shows what changed while it was away.
 */
class LiveStorefrontTest extends BrowserTest {

    @AfterEach
    void allowConnectionsAgain() {
        shop.webSockets().refuseConnections(false);
    }

    @Test
    void theShopperSeesAnAdminsStatusMoveOnTheOrderPageWithoutReloading() {
        Shopper shopper = shopperWithOrder("Live Lamp");
        String orderId = shopper.placeOrder().path("id").asText();

        browser.signIn(shopper.email(), BrowserShop.PASSWORD);
        browser.visit("#/orders/" + orderId);
        browser.sees("Live updates on");
        assertThat(browser.sees("PLACED")).contains("Live Lamp");
        markThePage();

        ApiResponse moved = shop.admin().put("/orders/" + orderId + "/status", Map.of("status", "SHIPPED"));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);

        assertThat(browser.sees("Updated live: PLACED → SHIPPED.")).contains("Status: SHIPPED").doesNotContain("Cancel order");
        assertThat(thePageWasNotReloaded()).isTrue();
    }

    @Test
    void theOrderHistoryFollowsACancellationMadeElsewhere() {
        Shopper shopper = shopperWithOrder("Live Mug");
        String orderId = shopper.placeOrder().path("id").asText();

        browser.signIn(shopper.email(), BrowserShop.PASSWORD);
        browser.visit("#/orders");
        browser.heading("Your orders");
        browser.sees("Live updates on");
        browser.sees("PLACED");
        markThePage();

        // the same shopper cancels from another device: over HTTP, not through this page
        ApiResponse cancelled = shopper.api().post("/orders/" + orderId + "/cancel", null);
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);

        assertThat(browser.sees("CANCELLED")).doesNotContain("PLACED");
        assertThat(thePageWasNotReloaded()).isTrue();
    }

    @Test
    void anAdminSeesTheLowStockAlertAsAnAdjustmentDropsStockBelowTheThreshold() {
        JsonNode product = shop.newProduct(BrowserShop.newCategory(), "Live Teapot", 3000, 8);
        StackInfo.DemoUser admin = shop.demoAdmin();

        browser.signIn(admin.username(), admin.password());
        browser.visit("#/admin");
        browser.heading("Back office");
        browser.sees("Live updates on");
        assertThat(browser.pageText()).doesNotContain("Low stock: Live Teapot");

        ApiResponse adjusted = shop.admin().post("/catalog/products/" + product.path("id").asText() + "/stock/adjustments",
            Map.of("delta", -5, "reason", "breakage"));
        assertThat(adjusted.status()).as(adjusted.toString()).isEqualTo(200);

        browser.sees("Low stock: Live Teapot (" + product.path("sku").asText() + ") has 3 left.");
        browser.click(browser.button("Dismiss"));
        assertThat(browser.pageText()).doesNotContain("Low stock: Live Teapot");
    }

    @Test
    void anAdminsOrderListFollowsEveryOrdersMovesAsTheyHappen() {
        Shopper shopper = shopperWithOrder("Live Vase");
        String orderId = shopper.placeOrder().path("id").asText();
        StackInfo.DemoUser admin = shop.demoAdmin();

        browser.signIn(admin.username(), admin.password());
        browser.visit("#/admin/orders?status=PLACED");
        browser.heading("Orders: PLACED");
        browser.sees("Live updates on");
        browser.visible(org.openqa.selenium.By.cssSelector("tr[data-order-id='" + orderId + "']"));
        markThePage();

        ApiResponse cancelled = shopper.api().post("/orders/" + orderId + "/cancel", null);
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);

        browser.sees("CANCELLED (live)");
        assertThat(browser.driver().findElement(org.openqa.selenium.By.cssSelector("tr[data-order-id='" + orderId + "'] .status-cell"))
            .getText()).isEqualTo("CANCELLED (live)");
        assertThat(thePageWasNotReloaded()).isTrue();
    }

    @Test
    void afterTheConnectionDropsThePageReconnectsAndShowsWhatChangedMeanwhile() {
        Shopper shopper = shopperWithOrder("Live Kettle");
        String orderId = shopper.placeOrder().path("id").asText();
        LocalWebSocketApi webSockets = shop.webSockets();

        browser.signIn(shopper.email(), BrowserShop.PASSWORD);
        browser.visit("#/orders/" + orderId);
        browser.sees("Live updates on");
        browser.sees("Status: PLACED");
        markThePage();

        webSockets.refuseConnections(true);
        assertThat(webSockets.dropConnections()).isPositive();
        browser.sees("Reconnecting live updates…");
        ApiResponse cancelled = shopper.api().post("/orders/" + orderId + "/cancel", null);
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        // nothing can reach the page while it is disconnected
        assertThat(browser.pageText()).contains("Status: PLACED").doesNotContain("CANCELLED");

        webSockets.refuseConnections(false);
        assertThat(browser.sees("Status: CANCELLED")).contains("Live updates on");
        assertThat(thePageWasNotReloaded()).isTrue();
    }

    private Shopper shopperWithOrder(String productName) {
        JsonNode product = shop.newProduct(BrowserShop.newCategory(), productName, 1500, 20);
        Shopper shopper = shop.newShopper();
        shopper.putInCart(product.path("id").asText(), 1);
        return shopper;
    }

    /** A mark in the page's window object: a reload would lose it. */
    private void markThePage() {
        ((JavascriptExecutor) browser.driver()).executeScript("window.shopTestMark = 'still here';");
    }

    private boolean thePageWasNotReloaded() {
        return "still here".equals(((JavascriptExecutor) browser.driver()).executeScript("return window.shopTestMark;"));
    }
}
