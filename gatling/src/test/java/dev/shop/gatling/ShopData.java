package dev.shop.gatling;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.shop.local.client.ApiClient;
import dev.shop.local.client.ApiClient.ApiResponse;

/**
 * Set-up through the public API, before the measured phase: reading the catalog, creating the
 * products and orders a mix needs. Every call must succeed; a run on a broken shop stops here, loudly.
 */
final class ShopData {

    /** The category the runs' own products go to, so they never mix with the demo catalog's pages. */
    static final String LOAD_CATEGORY = "perf-load";

    static final Map<String, Object> SHIPPING_ADDRESS = Map.of(
        "name", "Load Test", "line1", "1 Benchmark Way", "city", "Springfield", "postalCode", "12345", "country", "US");

    private final ApiClient api;

    ShopData(String apiUrl) {
        this.api = ApiClient.forUrl(apiUrl);
    }

    /** Ids of the listed products (at most {@code max}), walking the pages with their cursors. */
    List<String> productIds(int max) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            ApiResponse page = expect(api.get("/catalog/products?limit=100" + cursorParameter(cursor)), 200, "list products");
            page.json().path("items").forEach(item -> ids.add(item.path("id").asText()));
            cursor = page.json().path("nextCursor").asText(null);
        } while (cursor != null && ids.size() < max);
        if (ids.isEmpty()) {
            throw new IllegalStateException("The catalog is empty: seed it before a browse run (the local stack seeds a demo catalog)");
        }
        return ids.size() > max ? ids.subList(0, max) : ids;
    }

    List<String> categories() {
        ApiResponse categories = expect(api.get("/catalog/categories"), 200, "list categories");
        List<String> ids = new ArrayList<>();
        categories.json().path("items").forEach(item -> ids.add(item.path("id").asText()));
        if (ids.isEmpty()) {
            throw new IllegalStateException("The catalog has no categories");
        }
        return ids;
    }

    /** Creates {@code count} products with the given stock in {@link #LOAD_CATEGORY}; returns their ids. */
    List<String> createProducts(String adminToken, String runId, int count, long stock) {
        ApiClient admin = api.withToken(adminToken);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> product = new LinkedHashMap<>();
            product.put("sku", "perf-" + runId + "-" + stock + "-" + i);
            product.put("name", "Load product " + runId + " " + i);
            product.put("description", "Made by a Gatling run; stock " + stock);
            product.put("category", LOAD_CATEGORY);
            product.put("priceCents", 500 + i * 25);
            product.put("initialStock", stock);
            ids.add(expect(admin.post("/catalog/products", product), 201, "create a product").json().path("id").asText());
        }
        return ids;
    }

    /** Places an order of one unit of {@code productId} as the token's user; returns the order id. */
    String placeOrder(String shopperToken, String productId) {
        ApiClient shopper = api.withToken(shopperToken);
        expect(shopper.put("/cart/items/" + productId, Map.of("quantity", 1)), 200, "add to cart");
        ApiResponse order = expect(shopper.withHeader("Idempotency-Key", UUID.randomUUID().toString())
            .post("/orders", Map.of("shippingAddress", SHIPPING_ADDRESS)), 201, "check out");
        return order.json().path("id").asText();
    }

    /** Leaves a non-empty cart behind, so the abandoned-carts page has something to show. */
    void fillCart(String shopperToken, String productId) {
        expect(api.withToken(shopperToken).put("/cart/items/" + productId, Map.of("quantity", 1)), 200, "add to cart");
    }

    private static String cursorParameter(String cursor) {
        return cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
    }

    private static ApiResponse expect(ApiResponse response, int status, String what) {
        if (response.status() != status) {
            throw new IllegalStateException("Set-up could not " + what + ": expected " + status + ", got " + response);
        }
        return response;
    }
}
