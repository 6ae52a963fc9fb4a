package dev.shop.catalog;

import static dev.shop.catalog.CatalogFixtures.PRODUCTS;
import static dev.shop.catalog.CatalogFixtures.assertProblem;
import static dev.shop.catalog.CatalogFixtures.productBody;
import static dev.shop.catalog.CatalogFixtures.uniqueCategory;
import static dev.shop.catalog.CatalogFixtures.with;
import static dev.shop.catalog.CatalogFixtures.without;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;

import dev.shop.common.routes.Service;
import dev.shop.local.TestShop;
import dev.shop.local.client.ApiClient;
import dev.shop.local.client.ApiClient.ApiResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The contract's rules for a product body: each broken rule is a 400 naming the field, and nothing is written. */
class ProductValidationTest {

    private static final Object MISSING = new Object();

    private final TestShop shop = TestShop.serving(Service.CATALOG);
    private final ApiClient admin = shop.newAdmin().api();

    static Stream<Arguments> invalidFields() {
        return Stream.of(
            Arguments.of("sku", MISSING),
            Arguments.of("sku", ""),
            Arguments.of("sku", "has space"),
            Arguments.of("sku", "dot.ted"),
            Arguments.of("sku", "A".repeat(41)),
            Arguments.of("sku", 12345),
            Arguments.of("name", MISSING),
            Arguments.of("name", ""),
            Arguments.of("name", "   "),
            Arguments.of("name", "n".repeat(201)),
            Arguments.of("description", "d".repeat(4001)),
            Arguments.of("category", MISSING),
            Arguments.of("category", "Kitchen"),
            Arguments.of("category", "home_kitchen"),
            Arguments.of("category", ""),
            Arguments.of("category", "c".repeat(41)),
            Arguments.of("priceCents", MISSING),
            Arguments.of("priceCents", 0),
            Arguments.of("priceCents", -1),
            Arguments.of("priceCents", 10_000_001),
            Arguments.of("priceCents", "1999"),
            Arguments.of("priceCents", 19.99),
            Arguments.of("imageUrl", "ftp://example.com/a.png"),
            Arguments.of("imageUrl", "not a url"),
            Arguments.of("imageUrl", "https://"),
            Arguments.of("initialStock", -1),
            Arguments.of("initialStock", 2.5),
            Arguments.of("initialStock", "7"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("invalidFields")
    void createWithAnInvalidFieldIsBadRequestNamingItAndWritesNothing(String field, Object value) {
        String category = uniqueCategory();
        Map<String, Object> body = value == MISSING ? without(productBody(category), field) : with(productBody(category), field, value);

        ApiResponse response = admin.post(PRODUCTS, body);

        assertProblem(response, 400, field);
        assertThat(admin.get(PRODUCTS + "?category=" + category).json().path("items")).isEmpty();
    }

    @Test
    void everyInvalidFieldIsNamedAtOnce() {
        Map<String, Object> body = Map.of("sku", "bad sku", "name", "", "category", "Bad", "priceCents", 0);

        ApiResponse response = admin.post(PRODUCTS, body);

        assertProblem(response, 400, null);
        assertThat(response.json().path("errors").findValuesAsText("field"))
            .contains("sku", "name", "category", "priceCents");
    }

    @Test
    void boundaryValuesAreAccepted() {
        Map<String, Object> body = productBody(uniqueCategory());
        body.put("sku", ("A-b_9" + CatalogFixtures.uniqueSku() + "x".repeat(40)).substring(0, 40));
        body.put("name", "n".repeat(200));
        body.put("description", "d".repeat(4000));
        body.put("category", "c".repeat(8) + "-" + uniqueCategory().substring(4));
        body.put("priceCents", 10_000_000);
        body.put("imageUrl", "http://images.example.com/a.png");
        body.put("initialStock", 0);

        assertThat(admin.post(PRODUCTS, body).status()).isEqualTo(201);
        assertThat(admin.post(PRODUCTS, with(with(productBody(uniqueCategory()), "priceCents", 1), "description", ""))
            .status()).isEqualTo(201);
    }

    @Test
    void malformedJsonIsBadRequest() {
        ApiResponse response = admin.send("POST", PRODUCTS, "{\"sku\": ", "application/json");

        assertProblem(response, 400, null);
    }

    @Test
    void missingBodyIsBadRequest() {
        assertProblem(admin.send("POST", PRODUCTS, "", "application/json"), 400, null);
    }

    @Test
    void wrongContentTypeIsUnsupportedMediaType() {
        ApiResponse response = admin.send("POST", PRODUCTS, "sku=a&name=b", "application/x-www-form-urlencoded");

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void bodyOver64KibIsTooLarge() {
        Map<String, Object> body = with(productBody(uniqueCategory()), "description", "x".repeat(70_000));

        assertThat(admin.post(PRODUCTS, body).status()).isEqualTo(413);
    }
}
