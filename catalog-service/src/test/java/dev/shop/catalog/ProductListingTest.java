package dev.shop.catalog;

import static dev.shop.catalog.CatalogFixtures.PRODUCTS;
import static dev.shop.catalog.CatalogFixtures.assertProblem;
import static dev.shop.catalog.CatalogFixtures.create;
import static dev.shop.catalog.CatalogFixtures.createIn;
import static dev.shop.catalog.CatalogFixtures.ids;
import static dev.shop.catalog.CatalogFixtures.productBody;
import static dev.shop.catalog.CatalogFixtures.productPath;
import static dev.shop.catalog.CatalogFixtures.uniqueCategory;
import static dev.shop.catalog.CatalogFixtures.walk;
import static dev.shop.catalog.CatalogFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shop.common.routes.Service;
import dev.shop.local.TestShop;
import dev.shop.local.client.ApiClient;
import dev.shop.local.client.ApiClient.ApiResponse;
import dev.shop.local.client.Cursors;
import org.junit.jupiter.api.Test;

/** Public listing of products, by category or all, with the contract's cursor pagination. */
class ProductListingTest {

    private final TestShop shop = TestShop.serving(Service.CATALOG);
    private final ApiClient admin = shop.newAdmin().api();
    private final ApiClient anyone = shop.anonymous();

    @Test
    void pagesOfACategoryYieldEveryProductExactlyOnceOrderedByName() {
        String category = uniqueCategory();
        List<String> created = new ArrayList<>();
        for (String name : List.of("Garlic Press", "apron", "Bread Knife", "cutting board", "Dutch Oven", "egg timer", "Funnel")) {
            created.add(create(admin, with(productBody(category), "name", name)).path("id").asText());
        }

        List<JsonNode> listed = walk(anyone, PRODUCTS + "?category=" + category, 3);

        assertThat(ids(listed, "id")).containsExactlyInAnyOrderElementsOf(created);
        assertThat(ids(listed, "name")).containsExactly("apron", "Bread Knife", "cutting board", "Dutch Oven", "egg timer",
            "Funnel", "Garlic Press");
        assertThat(listed).allSatisfy(product -> assertThat(product.path("category").asText()).isEqualTo(category));
    }

    @Test
    void aPageThatEndsTheListingHasNoNextCursor() {
        String category = uniqueCategory();
        createIn(admin, category);
        createIn(admin, category);

        ApiResponse page = anyone.get(PRODUCTS + "?category=" + category + "&limit=2");

        assertThat(page.json().path("items")).hasSize(2);
        assertThat(page.json().path("nextCursor").isNull()).isTrue();
    }

    @Test
    void pagesOfAllProductsYieldEveryProductExactlyOnce() {
        String category = uniqueCategory();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(createIn(admin, category).path("id").asText());
        }

        List<String> listed = ids(walk(anyone, PRODUCTS, 7), "id");

        assertThat(new HashSet<>(listed)).hasSameSizeAs(listed);
        assertThat(listed).containsAll(created);
    }

    @Test
    void theDefaultPageHoldsTwentyProducts() {
        String category = uniqueCategory();
        for (int i = 0; i < 21; i++) {
            createIn(admin, category);
        }

        JsonNode page = anyone.get(PRODUCTS + "?category=" + category).json();

        assertThat(page.path("items")).hasSize(20);
        assertThat(page.path("nextCursor").asText()).isNotBlank();
    }

    @Test
    void anUnknownCategoryIsAnEmptyPage() {
        JsonNode page = anyone.get(PRODUCTS + "?category=" + uniqueCategory()).json();

        assertThat(page.path("items")).isEmpty();
        assertThat(page.path("nextCursor").isNull()).isTrue();
    }

    @Test
    void aCategoryThatIsNoSlugIsBadRequest() {
        assertProblem(anyone.get(PRODUCTS + "?category=Not_A_Slug"), 400, "category");
    }

    @Test
    void aTamperedCursorIsBadRequestNamingCursor() {
        String category = uniqueCategory();
        createIn(admin, category);
        createIn(admin, category);
        String cursor = anyone.get(PRODUCTS + "?category=" + category + "&limit=1").json().path("nextCursor").asText();
        String tampered = Cursors.tampered(cursor);

        assertProblem(anyone.get(PRODUCTS + "?category=" + category + "&limit=1&cursor=" + tampered), 400, "cursor");
        assertProblem(anyone.get(PRODUCTS + "?category=" + category + "&limit=1&cursor=" + cursor.substring(0, 10)), 400, "cursor");
        assertProblem(anyone.get(PRODUCTS + "?limit=1&cursor=not-a-cursor"), 400, "cursor");
    }

    @Test
    void aCursorOfAnotherListingIsBadRequest() {
        String category = uniqueCategory();
        createIn(admin, category);
        createIn(admin, category);
        String cursor = anyone.get(PRODUCTS + "?category=" + category + "&limit=1").json().path("nextCursor").asText();

        assertProblem(anyone.get(PRODUCTS + "?category=" + uniqueCategory() + "&cursor=" + cursor), 400, "cursor");
        assertProblem(anyone.get(PRODUCTS + "?cursor=" + cursor), 400, "cursor");
    }

    @Test
    void aLimitOutside1To100IsBadRequestNamingLimit() {
        assertProblem(anyone.get(PRODUCTS + "?limit=0"), 400, "limit");
        assertProblem(anyone.get(PRODUCTS + "?limit=101"), 400, "limit");
        assertProblem(anyone.get(PRODUCTS + "?limit=ten"), 400, "limit");
        assertThat(anyone.get(PRODUCTS + "?limit=100").status()).isEqualTo(200);
    }

    @Test
    void aDeletedProductLeavesEveryListing() {
        String category = uniqueCategory();
        String kept = createIn(admin, category).path("id").asText();
        String deleted = createIn(admin, category).path("id").asText();

        admin.delete(productPath(deleted));

        assertThat(ids(walk(anyone, PRODUCTS + "?category=" + category, 10), "id")).containsExactly(kept);
        assertThat(ids(walk(anyone, PRODUCTS, 100), "id")).contains(kept).doesNotContain(deleted);
    }

    @Test
    void aProductWhoseCategoryChangesMovesBetweenListings() {
        String from = uniqueCategory();
        String to = uniqueCategory();
        JsonNode product = createIn(admin, from);

        admin.put(productPath(product.path("id").asText()), with(productBody(to), "name", "Moved"));

        assertThat(anyone.get(PRODUCTS + "?category=" + from).json().path("items")).isEmpty();
        assertThat(ids(walk(anyone, PRODUCTS + "?category=" + to, 5), "name")).containsExactly("Moved");
    }
}
