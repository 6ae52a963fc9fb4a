package dev.shop.catalog;

import static dev.shop.catalog.CatalogFixtures.PRODUCTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.common.routes.Service;
import dev.shop.local.TestShop;
import dev.shop.local.client.ApiClient;
import dev.shop.local.client.ApiClient.ApiResponse;
import org.junit.jupiter.api.Test;

/**
 * The demo catalog the local stack seeds (local-kit's {@code seed/demo-catalog.json}):
 * big and varied enough for a storefront and the load tests, and every entry
 * a valid create body, since the stack POSTs them through this service.
 */
class DemoCatalogSeedTest {

    private static final String SEED = "/seed/demo-catalog.json";
    private static final Set<String> CREATE_FIELDS = Set.of("sku", "name", "description", "category", "priceCents",
        "initialStock");

    private final TestShop shop = TestShop.serving(Service.CATALOG);

    @Test
    void theDemoCatalogIsLargeAndVaried() throws IOException {
        List<Map<String, Object>> products = seed();

        assertThat(products).hasSizeGreaterThanOrEqualTo(60);
        assertThat(products).allSatisfy(product -> assertThat(product.keySet()).isEqualTo(CREATE_FIELDS));
        assertThat(products.stream().map(product -> product.get("category")).distinct().count()).isGreaterThanOrEqualTo(6);
        assertThat(products.stream().map(product -> product.get("sku")).distinct().count()).isEqualTo(products.size());
        assertThat(products).filteredOn(product -> stock(product) == 0).hasSizeGreaterThanOrEqualTo(3);
        assertThat(products).filteredOn(product -> stock(product) >= 1 && stock(product) <= 5).hasSizeGreaterThanOrEqualTo(5);
        // No outside image host: the storefront shows the placeholder of each category, which it ships itself.
        assertThat(products).allSatisfy(product -> assertThat(product).doesNotContainKey("imageUrl"));
    }

    @Test
    void everyDemoProductIsAcceptedByTheApiAndCounted() throws IOException {
        ApiClient admin = shop.newAdmin().api();
        List<Map<String, Object>> products = seed();

        List<ApiResponse> refused = new ArrayList<>();
        for (Map<String, Object> product : products) {
            ApiResponse response = admin.post(PRODUCTS, product);
            if (response.status() != 201) {
                refused.add(response);
            }
        }

        assertThat(refused).isEmpty();
        Map<Object, Long> perCategory = products.stream()
            .collect(Collectors.groupingBy(product -> product.get("category"), Collectors.counting()));
        shop.anonymous().get("/catalog/categories").json().path("items").forEach(category -> {
            if (perCategory.containsKey(category.path("id").asText())) {
                assertThat(category.path("productCount").asLong()).isEqualTo(perCategory.get(category.path("id").asText()));
            }
        });
    }

    private static long stock(Map<String, Object> product) {
        return ((Number) product.get("initialStock")).longValue();
    }

    private static List<Map<String, Object>> seed() throws IOException {
        try (InputStream in = DemoCatalogSeedTest.class.getResourceAsStream(SEED)) {
            assertThat(in).as("%s on the class path (local-kit)", SEED).isNotNull();
            return new ObjectMapper().readValue(in, new TypeReference<>() { });
        }
    }
}
