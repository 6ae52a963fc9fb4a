package dev.shop.catalog;

import static dev.shop.catalog.CatalogFixtures.PRODUCTS;
import static dev.shop.catalog.CatalogFixtures.createIn;
import static dev.shop.catalog.CatalogFixtures.productBody;
import static dev.shop.catalog.CatalogFixtures.productPath;
import static dev.shop.catalog.CatalogFixtures.uniqueCategory;
import static dev.shop.catalog.CatalogFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shop.common.routes.Service;
import dev.shop.local.TestShop;
import dev.shop.local.client.ApiClient;
import dev.shop.local.client.ApiClient.ApiResponse;
import org.junit.jupiter.api.Test;

/** {@code GET /catalog/categories}: categories with active products and their exact counts. */
class CategoriesTest {

    private static final String CATEGORIES = "/catalog/categories";

    private final TestShop shop = TestShop.serving(Service.CATALOG);
    private final ApiClient admin = shop.newAdmin().api();

    @Test
    void aCategoryIsListedWithItsNameAndTheNumberOfItsProducts() {
        String category = uniqueCategory();
        createIn(admin, category);
        createIn(admin, category);

        ApiResponse response = shop.anonymous().get(CATEGORIES);

        assertThat(response.status()).isEqualTo(200);
        JsonNode listed = find(category).orElseThrow();
        assertThat(listed.path("productCount").asLong()).isEqualTo(2);
        String word = category.substring(4);
        assertThat(listed.path("name").asText()).isEqualTo("Cat " + word.substring(0, 1).toUpperCase() + word.substring(1));
    }

    @Test
    void categoriesAreOrderedBySlug() {
        createIn(admin, uniqueCategory());

        JsonNode items = shop.anonymous().get(CATEGORIES).json().path("items");

        for (int i = 1; i < items.size(); i++) {
            assertThat(items.get(i - 1).path("id").asText()).isLessThan(items.get(i).path("id").asText());
        }
    }

    @Test
    void theCountFollowsDeletes() {
        String category = uniqueCategory();
        String first = createIn(admin, category).path("id").asText();
        createIn(admin, category);
        createIn(admin, category);

        admin.delete(productPath(first));

        assertThat(count(category)).isEqualTo(2);
    }

    @Test
    void theCountFollowsACategoryChange() {
        String from = uniqueCategory();
        String to = uniqueCategory();
        String moved = createIn(admin, from).path("id").asText();
        createIn(admin, from);

        admin.put(productPath(moved), productBody(to));

        assertThat(count(from)).isEqualTo(1);
        assertThat(count(to)).isEqualTo(1);
    }

    @Test
    void aReplaceInTheSameCategoryLeavesTheCount() {
        String category = uniqueCategory();
        String id = createIn(admin, category).path("id").asText();

        admin.put(productPath(id), with(productBody(category), "name", "Renamed"));

        assertThat(count(category)).isEqualTo(1);
    }

    @Test
    void aCategoryWithoutActiveProductsIsNotListed() {
        String category = uniqueCategory();
        String only = createIn(admin, category).path("id").asText();

        admin.delete(productPath(only));

        assertThat(find(category)).isEmpty();
    }

    @Test
    void aRefusedCreateDoesNotCount() {
        String category = uniqueCategory();
        JsonNode product = createIn(admin, category);

        admin.post(PRODUCTS, with(productBody(category), "sku", product.path("sku").asText()));

        assertThat(count(category)).isEqualTo(1);
    }

    private long count(String category) {
        return find(category).map(listed -> listed.path("productCount").asLong()).orElse(0L);
    }

    private Optional<JsonNode> find(String category) {
        for (JsonNode item : shop.anonymous().get(CATEGORIES).json().path("items")) {
            if (item.path("id").asText().equals(category)) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }
}
