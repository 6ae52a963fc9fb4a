package dev.shop.catalog;

import static dev.shop.catalog.CatalogFixtures.PRODUCTS;
import static dev.shop.catalog.CatalogFixtures.createIn;
import static dev.shop.catalog.CatalogFixtures.productBody;
import static dev.shop.catalog.CatalogFixtures.productPath;
import static dev.shop.catalog.CatalogFixtures.uniqueCategory;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shop.common.routes.Service;
import dev.shop.common.web.PublicCaching;
import dev.shop.local.TestShop;
import dev.shop.local.client.ApiClient;
import dev.shop.local.client.ApiClient.ApiResponse;
import org.junit.jupiter.api.Test;

/**
 * Public catalog reads may be kept for a short while by browsers and the CDN;
 * nothing else the catalog answers is marked cacheable.
 */
class PublicCachingTest {

    private final TestShop shop = TestShop.serving(Service.CATALOG);
    private final ApiClient admin = shop.newAdmin().api();
    private final ApiClient anyone = shop.anonymous();

    @Test
    void publicCatalogReadsAreCacheableForAShortWhile() {
        String category = uniqueCategory();
        String id = createIn(admin, category).path("id").asText();

        for (String path : new String[] {PRODUCTS + "?category=" + category, productPath(id), "/catalog/categories"}) {
            ApiResponse response = anyone.get(path);
            assertThat(response.status()).as(path).isEqualTo(200);
            assertThat(response.header("Cache-Control")).as(path).isEqualTo("public, max-age=30")
                .isEqualTo(PublicCaching.CACHE_CONTROL);
        }
    }

    @Test
    void missingProductsWritesAndAdminReportsAreNeverMarkedCacheable() {
        String id = createIn(admin, uniqueCategory()).path("id").asText();

        ApiResponse missing = anyone.get(productPath(id + "x"));
        ApiResponse lowStock = admin.get("/catalog/admin/low-stock?threshold=5");
        ApiResponse created = admin.post(PRODUCTS, productBody(uniqueCategory()));

        assertThat(missing.status()).isIn(400, 404);
        assertThat(lowStock.status()).isEqualTo(200);
        assertThat(created.status()).isEqualTo(201);
        for (ApiResponse response : new ApiResponse[] {missing, lowStock, created}) {
            assertThat(response.header("Cache-Control")).as(response.toString()).isNull();
        }
    }
}
