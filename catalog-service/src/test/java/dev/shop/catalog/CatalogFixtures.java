package dev.shop.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shop.local.client.ApiClient;
import dev.shop.local.client.ApiClient.ApiResponse;

/**
 * Small factories for catalog tests. The test JVM shares one shop between all
 * test classes, so every fixture is fresh: a new category slug, a new SKU.
 */
final class CatalogFixtures {

    static final String PRODUCTS = "/catalog/products";

    private CatalogFixtures() {
    }

    static String uniqueCategory() {
        return "cat-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    static String uniqueSku() {
        return "SKU-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    /** A valid create body in {@code category}, with 10 units. */
    static Map<String, Object> productBody(String category) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sku", uniqueSku());
        body.put("name", "Walnut Desk Organizer " + UUID.randomUUID().toString().substring(0, 6));
        body.put("description", "Five compartments of oiled walnut for pens, cards and cables.");
        body.put("category", category);
        body.put("priceCents", 3499);
        body.put("imageUrl", "https://picsum.photos/seed/desk/640/480");
        body.put("initialStock", 10);
        return body;
    }

    /** A copy of {@code body} with {@code field} set to {@code value}. */
    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    static Map<String, Object> without(Map<String, Object> body, String field) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.remove(field);
        return copy;
    }

    /** Creates a product as {@code admin} and returns it; fails the test unless the answer is 201. */
    static JsonNode create(ApiClient admin, Map<String, Object> body) {
        ApiResponse response = admin.post(PRODUCTS, body);
        assertThat(response.status()).as("create %s", response).isEqualTo(201);
        return response.json();
    }

    static JsonNode createIn(ApiClient admin, String category) {
        return create(admin, productBody(category));
    }

    static JsonNode createWithStock(ApiClient admin, String category, long units) {
        return create(admin, with(productBody(category), "initialStock", units));
    }

    static String productPath(String id) {
        return PRODUCTS + "/" + id;
    }

    /** Walks every page of a listing from its first, returning all items in order. */
    static List<JsonNode> walk(ApiClient client, String firstPagePath, int limit) {
        List<JsonNode> items = new ArrayList<>();
        String separator = firstPagePath.contains("?") ? "&" : "?";
        String cursor = null;
        int pages = 0;
        do {
            String path = firstPagePath + separator + "limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor);
            ApiResponse page = client.get(path);
            assertThat(page.status()).as("page %s", page).isEqualTo(200);
            assertThat(page.json().path("items").size()).isLessThanOrEqualTo(limit);
            page.json().path("items").forEach(items::add);
            cursor = page.json().path("nextCursor").isNull() ? null : page.json().path("nextCursor").asText();
            assertThat(++pages).as("pages walked").isLessThan(10_000);
        } while (cursor != null);
        return items;
    }

    static List<String> ids(List<JsonNode> items, String field) {
        return items.stream().map(item -> item.path(field).asText()).toList();
    }

    /** Asserts a problem+json answer with this status, naming {@code field} among its errors when not null. */
    static void assertProblem(ApiResponse response, int status, String field) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        assertThat(response.json().path("title").asText()).isNotBlank();
        assertThat(response.json().path("detail").asText()).isNotBlank();
        if (field != null) {
            assertThat(response.json().path("errors").findValuesAsText("field")).as("%s", response).contains(field);
        }
    }
}
