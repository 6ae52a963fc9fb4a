package dev.shop.catalog;

import static dev.shop.catalog.CatalogFixtures.assertProblem;
import static dev.shop.catalog.CatalogFixtures.createWithStock;
import static dev.shop.catalog.CatalogFixtures.ids;
import static dev.shop.catalog.CatalogFixtures.productPath;
import static dev.shop.catalog.CatalogFixtures.uniqueCategory;
import static dev.shop.catalog.CatalogFixtures.walk;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shop.common.routes.Service;
import dev.shop.local.TestShop;
import dev.shop.local.client.ApiClient;
import dev.shop.local.client.ApiClient.ApiResponse;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /catalog/admin/low-stock}, served by the sparse inventory index.
 * Other tests' products share the index, so assertions look at the products
 * created here and at the order of the whole listing.
 */
class LowStockTest {

    private static final String LOW_STOCK = "/catalog/admin/low-stock";

    private final TestShop shop = TestShop.serving(Service.CATALOG);
    private final ApiClient admin = shop.newAdmin().api();

    @Test
    void productsAtOrBelowTheThresholdComeFewestFirstAcrossPages() {
        String category = uniqueCategory();
        String six = createWithStock(admin, category, 6).path("id").asText();
        String three = createWithStock(admin, category, 3).path("id").asText();
        String zero = createWithStock(admin, category, 0).path("id").asText();
        String five = createWithStock(admin, category, 5).path("id").asText();
        String one = createWithStock(admin, category, 1).path("id").asText();

        List<JsonNode> listed = walk(admin, LOW_STOCK + "?threshold=5", 2);

        List<String> listedIds = ids(listed, "productId");
        assertThat(new HashSet<>(listedIds)).hasSameSizeAs(listedIds);
        assertThat(listedIds.stream().filter(List.of(six, three, zero, five, one)::contains).toList())
            .containsExactly(zero, one, three, five);
        assertThat(listed).allSatisfy(entry -> assertThat(entry.path("available").asLong()).isBetween(0L, 5L));
        assertThat(listed.stream().map(entry -> entry.path("available").asLong()).toList()).isSorted();
    }

    @Test
    void anEntryNamesTheProduct() {
        JsonNode product = createWithStock(admin, uniqueCategory(), 0);

        JsonNode entry = walk(admin, LOW_STOCK + "?threshold=0", 100).stream()
            .filter(item -> item.path("productId").asText().equals(product.path("id").asText()))
            .findFirst().orElseThrow();

        assertThat(entry.path("sku").asText()).isEqualTo(product.path("sku").asText());
        assertThat(entry.path("name").asText()).isEqualTo(product.path("name").asText());
        assertThat(entry.path("available").asLong()).isZero();
    }

    @Test
    void theThresholdDefaultsToFive() {
        String five = createWithStock(admin, uniqueCategory(), 5).path("id").asText();
        String six = createWithStock(admin, uniqueCategory(), 6).path("id").asText();

        List<String> listed = ids(walk(admin, LOW_STOCK, 100), "productId");

        assertThat(listed).contains(five).doesNotContain(six);
    }

    @Test
    void theListingFollowsStockChangesAndDeletes() {
        String category = uniqueCategory();
        String restocked = createWithStock(admin, category, 2).path("id").asText();
        String soldDown = createWithStock(admin, category, 50).path("id").asText();
        String deleted = createWithStock(admin, category, 1).path("id").asText();

        admin.put(productPath(restocked) + "/stock", Map.of("available", 40));
        admin.post(productPath(soldDown) + "/stock/adjustments", Map.of("delta", -47, "reason", "sold at the fair"));
        admin.delete(productPath(deleted));

        List<JsonNode> listed = walk(admin, LOW_STOCK + "?threshold=5", 100);
        assertThat(ids(listed, "productId")).contains(soldDown).doesNotContain(restocked, deleted);
        assertThat(listed.stream().filter(entry -> entry.path("productId").asText().equals(soldDown))
            .findFirst().orElseThrow().path("available").asLong()).isEqualTo(3);
    }

    @Test
    void aNegativeThresholdIsBadRequest() {
        assertProblem(admin.get(LOW_STOCK + "?threshold=-1"), 400, "threshold");
        assertProblem(admin.get(LOW_STOCK + "?threshold=five"), 400, "threshold");
    }

    @Test
    void aTamperedOrForeignCursorIsBadRequest() {
        createWithStock(admin, uniqueCategory(), 0);
        createWithStock(admin, uniqueCategory(), 0);
        ApiResponse first = admin.get(LOW_STOCK + "?threshold=0&limit=1");
        String cursor = first.json().path("nextCursor").asText();

        assertProblem(admin.get(LOW_STOCK + "?threshold=1&limit=1&cursor=" + cursor), 400, "cursor");
        assertProblem(admin.get(LOW_STOCK + "?threshold=0&limit=1&cursor=x" + cursor), 400, "cursor");
        assertProblem(admin.get(LOW_STOCK + "?limit=0"), 400, "limit");
    }
}
