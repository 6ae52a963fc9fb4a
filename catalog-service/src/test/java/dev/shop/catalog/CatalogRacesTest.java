package dev.shop.catalog;

import static dev.shop.catalog.CatalogFixtures.PRODUCTS;
import static dev.shop.catalog.CatalogFixtures.createIn;
import static dev.shop.catalog.CatalogFixtures.ids;
import static dev.shop.catalog.CatalogFixtures.productBody;
import static dev.shop.catalog.CatalogFixtures.productPath;
import static dev.shop.catalog.CatalogFixtures.uniqueCategory;
import static dev.shop.catalog.CatalogFixtures.walk;
import static dev.shop.catalog.CatalogFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shop.common.routes.Service;
import dev.shop.common.table.Keys;
import dev.shop.local.TestShop;
import dev.shop.local.client.ApiClient;
import dev.shop.local.client.ApiClient.ApiResponse;
import dev.shop.local.client.Race;
import org.junit.jupiter.api.Test;

/**
 * The catalog's concurrency guarantees, raced for real: threads released at
 * once by a start gate, each sending its request through the gateway.
 */
class CatalogRacesTest {

    private final TestShop shop = TestShop.serving(Service.CATALOG);
    private final ApiClient admin = shop.newAdmin().api();

    @Test
    void twentyParallelAdjustmentsOfMinusOneOnTenGiveTen200sAndTen409sAndNoneRunsOutOfRetries() throws Exception {
        String id = createIn(admin, uniqueCategory()).path("id").asText();

        List<ApiResponse> responses = Race.run(20, i -> admin.post(productPath(id) + "/stock/adjustments",
            Map.of("delta", -1, "reason", "order " + i)));

        assertThat(responses.stream().filter(r -> r.status() == 200)).hasSize(10);
        assertThat(responses.stream().filter(r -> r.status() == 409)).hasSize(10);
        assertThat(responses.stream().filter(r -> r.status() == 200).map(r -> r.json().path("available").asLong()))
            .containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(shop.anonymous().get(productPath(id)).json().path("available").asLong()).isZero();
    }

    @Test
    void twoParallelReplacesWithTheSameIfMatchGiveOne200AndOne412() throws Exception {
        JsonNode product = createIn(admin, uniqueCategory());
        String id = product.path("id").asText();
        ApiClient conditional = admin.withHeader("If-Match", "\"1\"");

        List<ApiResponse> responses = Race.run(2, i -> conditional.put(productPath(id),
            with(productBody(product.path("category").asText()), "name", "Edit " + i)));

        assertThat(responses).extracting(ApiResponse::status).containsExactlyInAnyOrder(200, 412);
        ApiResponse winner = responses.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
        JsonNode stored = shop.anonymous().get(productPath(id)).json();
        assertThat(stored.path("version").asLong()).isEqualTo(2);
        assertThat(stored.path("name").asText()).isEqualTo(winner.json().path("name").asText());
    }

    @Test
    void twoParallelCreatesWithTheSameSkuGiveOne201AndOne409AndOneProduct() throws Exception {
        String category = uniqueCategory();
        Map<String, Object> body = productBody(category);

        List<ApiResponse> responses = Race.run(2, i -> admin.post(PRODUCTS, with(body, "name", "Twin " + i)));

        assertThat(responses).extracting(ApiResponse::status).containsExactlyInAnyOrder(201, 409);
        String created = responses.stream().filter(r -> r.status() == 201).findFirst().orElseThrow().json().path("id").asText();
        assertThat(ids(walk(shop.anonymous(), PRODUCTS + "?category=" + category, 10), "id")).containsExactly(created);
        assertThat(shop.dynamoDb().getItem(b -> b.tableName(shop.tableName())
            .key(Keys.skuGuard((String) body.get("sku")).toAttributeMap())).item().get("productId").s()).isEqualTo(created);
        assertThat(categoryCount(category)).isEqualTo(1);
    }

    @Test
    void parallelCreatesInOneCategoryAllSucceedWithinTheRetriesAndAreAllCounted() throws Exception {
        String category = uniqueCategory();

        List<ApiResponse> responses = Race.run(12, i -> admin.post(PRODUCTS, productBody(category)));

        assertThat(responses).extracting(ApiResponse::status).as("no 503: the retries absorb the counter's contention").containsOnly(201);
        assertThat(categoryCount(category)).isEqualTo(12);
        assertThat(walk(shop.anonymous(), PRODUCTS + "?category=" + category, 100)).hasSize(12);
    }

    @Test
    void parallelDeletesOfOneProductDeleteItOnceAndCountItOnce() throws Exception {
        String category = uniqueCategory();
        createIn(admin, category);
        String id = createIn(admin, category).path("id").asText();

        List<ApiResponse> responses = Race.run(4, i -> admin.delete(productPath(id)));

        assertThat(responses).extracting(ApiResponse::status).containsExactlyInAnyOrder(204, 404, 404, 404);
        assertThat(categoryCount(category)).isEqualTo(1);
    }

    private long categoryCount(String category) {
        for (JsonNode item : shop.anonymous().get("/catalog/categories").json().path("items")) {
            if (item.path("id").asText().equals(category)) {
                return item.path("productCount").asLong();
            }
        }
        return 0;
    }
}
