package dev.shop.catalog;

import static dev.shop.catalog.CatalogFixtures.PRODUCTS;
import static dev.shop.catalog.CatalogFixtures.assertProblem;
import static dev.shop.catalog.CatalogFixtures.create;
import static dev.shop.catalog.CatalogFixtures.createIn;
import static dev.shop.catalog.CatalogFixtures.productBody;
import static dev.shop.catalog.CatalogFixtures.productPath;
import static dev.shop.catalog.CatalogFixtures.uniqueCategory;
import static dev.shop.catalog.CatalogFixtures.uniqueSku;
import static dev.shop.catalog.CatalogFixtures.with;
import static dev.shop.catalog.CatalogFixtures.without;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shop.common.routes.Service;
import dev.shop.common.table.Keys;
import dev.shop.local.TestShop;
import dev.shop.local.client.ApiClient;
import dev.shop.local.client.ApiClient.ApiResponse;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Create, read, replace and delete of products (docs/api.md). */
class ProductsTest {

    private final TestShop shop = TestShop.serving(Service.CATALOG);
    private final ApiClient admin = shop.newAdmin().api();

    @Test
    void createAnswers201WithLocationAndTheProduct() {
        Map<String, Object> body = productBody(uniqueCategory());

        ApiResponse response = admin.post(PRODUCTS, body);

        assertThat(response.status()).isEqualTo(201);
        JsonNode product = response.json();
        assertThat(response.header("location")).isEqualTo("/catalog/products/" + product.path("id").asText());
        assertThat(product.path("id").asText()).isNotBlank();
        assertThat(product.path("sku").asText()).isEqualTo(body.get("sku"));
        assertThat(product.path("name").asText()).isEqualTo(body.get("name"));
        assertThat(product.path("description").asText()).isEqualTo(body.get("description"));
        assertThat(product.path("category").asText()).isEqualTo(body.get("category"));
        assertThat(product.path("priceCents").asLong()).isEqualTo(3499);
        assertThat(product.path("currency").asText()).isEqualTo("USD");
        assertThat(product.path("imageUrl").asText()).isEqualTo(body.get("imageUrl"));
        assertThat(product.path("available").asLong()).isEqualTo(10);
        assertThat(product.path("version").asLong()).isEqualTo(1);
        assertThat(Instant.parse(product.path("createdAt").asText())).isNotNull();
        assertThat(product.path("updatedAt").asText()).isEqualTo(product.path("createdAt").asText());
    }

    @Test
    void createWithoutInitialStockOrImageStartsAtZeroUnits() {
        Map<String, Object> body = without(without(productBody(uniqueCategory()), "initialStock"), "imageUrl");

        JsonNode product = create(admin, body);

        assertThat(product.path("available").asLong()).isZero();
        assertThat(product.path("imageUrl").isMissingNode() || product.path("imageUrl").isNull()).isTrue();
    }

    @Test
    void anyoneReadsACreatedProductWithItsVersionAsEtag() {
        JsonNode created = createIn(admin, uniqueCategory());

        ApiResponse response = shop.anonymous().get(productPath(created.path("id").asText()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json()).isEqualTo(created);
        assertThat(response.header("etag")).isEqualTo("\"1\"");
    }

    @Test
    void unknownProductIsNotFound() {
        assertProblem(shop.anonymous().get(productPath("00000000-0000-0000-0000-000000000000")), 404, null);
        assertProblem(shop.anonymous().get(productPath("not%20an%20id%21")), 404, null);
    }

    @Test
    void duplicateSkuIsConflictAndNothingIsWritten() {
        Map<String, Object> first = productBody(uniqueCategory());
        create(admin, first);
        String otherCategory = uniqueCategory();

        ApiResponse duplicate = admin.post(PRODUCTS, with(with(productBody(otherCategory), "sku", first.get("sku")), "name", "Impostor"));

        assertProblem(duplicate, 409, null);
        assertThat(admin.get(PRODUCTS + "?category=" + otherCategory).json().path("items")).isEmpty();
        assertThat(shop.dynamoDb().getItem(b -> b.tableName(shop.tableName())
            .key(Keys.category(otherCategory).toAttributeMap())).hasItem()).isFalse();
    }

    @Test
    void skuGuardIsStoredWithTheProduct() {
        JsonNode product = createIn(admin, uniqueCategory());

        Map<String, AttributeValue> guard = shop.dynamoDb().getItem(b -> b.tableName(shop.tableName())
            .key(Keys.skuGuard(product.path("sku").asText()).toAttributeMap())).item();

        assertThat(guard.get("productId").s()).isEqualTo(product.path("id").asText());
    }

    @Test
    void replaceAnswersTheProductWithTheNextVersion() {
        JsonNode created = createIn(admin, uniqueCategory());
        String id = created.path("id").asText();
        Map<String, Object> replacement = with(with(productBody(created.path("category").asText()), "name", "Renamed"), "priceCents", 1250);

        ApiResponse response = admin.withHeader("If-Match", "\"1\"").put(productPath(id), replacement);

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.json().path("name").asText()).isEqualTo("Renamed");
        assertThat(response.json().path("priceCents").asLong()).isEqualTo(1250);
        assertThat(response.json().path("sku").asText()).isEqualTo(replacement.get("sku"));
        assertThat(response.json().path("version").asLong()).isEqualTo(2);
        assertThat(response.json().path("createdAt").asText()).isEqualTo(created.path("createdAt").asText());
        assertThat(response.header("etag")).isEqualTo("\"2\"");
        assertThat(shop.anonymous().get(productPath(id)).json()).isEqualTo(response.json());
    }

    @Test
    void replaceAcceptsAnUnquotedIfMatchAndNoIfMatchAtAll() {
        JsonNode created = createIn(admin, uniqueCategory());
        String id = created.path("id").asText();
        Map<String, Object> body = productBody(created.path("category").asText());

        assertThat(admin.withHeader("If-Match", "1").put(productPath(id), body).status()).isEqualTo(200);
        assertThat(admin.put(productPath(id), with(body, "name", "Again")).json().path("version").asLong()).isEqualTo(3);
    }

    @Test
    void replaceWithAStaleIfMatchIsPreconditionFailedAndNothingChanges() {
        JsonNode created = createIn(admin, uniqueCategory());
        String id = created.path("id").asText();
        admin.put(productPath(id), with(productBody(created.path("category").asText()), "name", "Second"));

        ApiResponse stale = admin.withHeader("If-Match", "\"1\"").put(productPath(id), with(productBody(uniqueCategory()), "name", "Lost update"));

        assertProblem(stale, 412, null);
        JsonNode stored = shop.anonymous().get(productPath(id)).json();
        assertThat(stored.path("name").asText()).isEqualTo("Second");
        assertThat(stored.path("version").asLong()).isEqualTo(2);
    }

    @Test
    void replaceWithAnIfMatchThatIsNoVersionIsPreconditionFailed() {
        String id = createIn(admin, uniqueCategory()).path("id").asText();

        assertProblem(admin.withHeader("If-Match", "\"abc\"").put(productPath(id), productBody(uniqueCategory())), 412, null);
        assertProblem(admin.withHeader("If-Match", "W/\"1\"").put(productPath(id), productBody(uniqueCategory())), 412, null);
    }

    @Test
    void replaceOfAnUnknownProductIsNotFound() {
        assertProblem(admin.put(productPath("00000000-0000-0000-0000-000000000000"), productBody(uniqueCategory())), 404, null);
    }

    @Test
    void replaceKeepsTheStockAndIgnoresInitialStock() {
        JsonNode created = createIn(admin, uniqueCategory());
        String id = created.path("id").asText();

        ApiResponse response = admin.put(productPath(id), with(productBody(created.path("category").asText()), "initialStock", 99));

        assertThat(response.json().path("available").asLong()).isEqualTo(10);
        assertThat(shop.anonymous().get(productPath(id)).json().path("available").asLong()).isEqualTo(10);
    }

    @Test
    void replaceWithAnInvalidBodyIsBadRequestAndNothingChanges() {
        JsonNode created = createIn(admin, uniqueCategory());
        String id = created.path("id").asText();

        assertProblem(admin.put(productPath(id), with(productBody(uniqueCategory()), "priceCents", 0)), 400, "priceCents");
        assertThat(shop.anonymous().get(productPath(id)).json()).isEqualTo(created);
    }

    @Test
    void replaceThatChangesTheSkuMovesTheGuard() {
        JsonNode created = createIn(admin, uniqueCategory());
        String oldSku = created.path("sku").asText();
        String newSku = uniqueSku();

        ApiResponse replaced = admin.put(productPath(created.path("id").asText()),
            with(productBody(created.path("category").asText()), "sku", newSku));

        assertThat(replaced.status()).isEqualTo(200);
        assertProblem(admin.post(PRODUCTS, with(productBody(uniqueCategory()), "sku", newSku)), 409, null);
        assertThat(admin.post(PRODUCTS, with(productBody(uniqueCategory()), "sku", oldSku)).status()).isEqualTo(201);
    }

    @Test
    void replaceToAnotherProductsSkuIsConflictAndNothingChanges() {
        JsonNode taken = createIn(admin, uniqueCategory());
        JsonNode product = createIn(admin, uniqueCategory());
        String id = product.path("id").asText();

        ApiResponse response = admin.put(productPath(id), with(productBody(uniqueCategory()), "sku", taken.path("sku").asText()));

        assertProblem(response, 409, null);
        assertThat(shop.anonymous().get(productPath(id)).json()).isEqualTo(product);
    }

    @Test
    void deleteAnswers204AndTheProductIsThenNotFound() {
        String id = createIn(admin, uniqueCategory()).path("id").asText();

        ApiResponse response = admin.delete(productPath(id));

        assertThat(response.status()).isEqualTo(204);
        assertProblem(shop.anonymous().get(productPath(id)), 404, null);
        assertProblem(admin.delete(productPath(id)), 404, null);
        assertProblem(admin.put(productPath(id), productBody(uniqueCategory())), 404, null);
    }

    @Test
    void deleteOfAnUnknownProductIsNotFound() {
        assertProblem(admin.delete(productPath("00000000-0000-0000-0000-000000000000")), 404, null);
    }

    @Test
    void deleteWithAStaleIfMatchIsPreconditionFailedAndTheProductStays() {
        JsonNode created = createIn(admin, uniqueCategory());
        String id = created.path("id").asText();
        admin.put(productPath(id), productBody(created.path("category").asText()));

        assertProblem(admin.withHeader("If-Match", "\"1\"").delete(productPath(id)), 412, null);
        assertThat(shop.anonymous().get(productPath(id)).status()).isEqualTo(200);
    }

    @Test
    void deleteKeepsTheItemButTakesItOutOfEveryIndexAndFreesTheSku() {
        JsonNode created = createIn(admin, uniqueCategory());
        String id = created.path("id").asText();

        admin.delete(productPath(id));

        Map<String, AttributeValue> stored = shop.dynamoDb().getItem(b -> b.tableName(shop.tableName())
            .key(Keys.product(id).toAttributeMap())).item();
        assertThat(stored).containsKeys("deletedAt", "available");
        assertThat(stored).doesNotContainKeys("GSI1PK", "GSI1SK", "GSI2PK", "GSI2SK", "inventoryPK", "inventorySK");
        assertThat(admin.post(PRODUCTS, with(productBody(uniqueCategory()), "sku", created.path("sku").asText())).status())
            .isEqualTo(201);
    }

    @Test
    void everyProductWriteKeepsTheInventorySortKeyEqualToTheStock() {
        JsonNode created = createIn(admin, uniqueCategory());
        String id = created.path("id").asText();

        admin.put(productPath(id), productBody(created.path("category").asText()));
        admin.post(productPath(id) + "/stock/adjustments", Map.of("delta", -3, "reason", "damaged in transit"));

        Map<String, AttributeValue> stored = shop.dynamoDb().getItem(b -> b.tableName(shop.tableName())
            .key(Keys.product(id).toAttributeMap())).item();
        assertThat(stored.get("available").n()).isEqualTo("7");
        assertThat(stored.get("inventorySK").n()).isEqualTo("7");
        assertThat(stored.get("inventoryPK").s()).isEqualTo(Keys.INVENTORY_PARTITION);
    }
}
