package dev.shop.catalog;

import static dev.shop.catalog.CatalogFixtures.PRODUCTS;
import static dev.shop.catalog.CatalogFixtures.assertProblem;
import static dev.shop.catalog.CatalogFixtures.productBody;
import static dev.shop.catalog.CatalogFixtures.uniqueCategory;
import static dev.shop.catalog.CatalogFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.common.routes.Service;
import dev.shop.local.TestShop;
import dev.shop.local.client.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CONTRACT.md "Strict JSON" on the catalog's write routes: refused with the field named, and nothing written. */
class StrictJsonTest {

    private static final String RAW = "RAW-TEXT";

    private final TestShop shop = TestShop.serving(Service.CATALOG);
    private final ApiClient admin = shop.newAdmin().api();

    /** A product body whose {@code field} holds {@code escaped} exactly as written (a JSON escape, not a Java char). */
    private static String bodyWith(String category, String field, String escaped) throws JsonProcessingException {
        return new ObjectMapper().writeValueAsString(with(productBody(category), field, RAW)).replace(RAW, escaped);
    }

    @ParameterizedTest(name = "{0} = \"{1}\"")
    @CsvSource({
        "name, \\ud83d",
        "name, a\\udc00b",
        "name, a\\u0000b",
        "description, bell \\u0007",
        "description, escape \\u001b[31m",
        "description, next line \\u0085",
        "sku, SKU\\u0000"})
    void illFormedTextIsRefusedNamingTheFieldAndNothingIsStored(String field, String escaped) throws JsonProcessingException {
        String category = uniqueCategory();

        assertProblem(admin.send("POST", PRODUCTS, bodyWith(category, field, escaped), "application/json"), 400, field);
        assertThat(admin.get(PRODUCTS + "?category=" + category).json().path("items")).isEmpty();
    }

    @Test
    void trailingContentAfterTheBodyIsRefused() throws JsonProcessingException {
        String category = uniqueCategory();
        String body = new ObjectMapper().writeValueAsString(productBody(category));

        assertProblem(admin.send("POST", PRODUCTS, body + "xyz", "application/json"), 400, "body");
        assertProblem(admin.send("POST", PRODUCTS, body + body, "application/json"), 400, "body");
        assertThat(admin.get(PRODUCTS + "?category=" + category).json().path("items")).isEmpty();
    }

    @Test
    void aMemberNamedTwiceIsRefused() throws JsonProcessingException {
        String category = uniqueCategory();
        String body = new ObjectMapper().writeValueAsString(productBody(category));

        ApiClient.ApiResponse response = admin.send("POST", PRODUCTS, body.replaceFirst("\\}$", ",\"priceCents\":1}"), "application/json");

        assertProblem(response, 400, "priceCents");
        assertThat(admin.get(PRODUCTS + "?category=" + category).json().path("items")).isEmpty();
    }

    @Test
    void aBodyWithoutContentTypeIsUnsupportedMediaType() throws JsonProcessingException {
        String category = uniqueCategory();
        String id = admin.post(PRODUCTS, productBody(uniqueCategory())).json().path("id").asText();
        String before = admin.get(PRODUCTS + "/" + id).rawBody();

        assertProblem(admin.send("POST", PRODUCTS, new ObjectMapper().writeValueAsString(productBody(category)), null), 415, null);
        assertProblem(admin.send("PUT", PRODUCTS + "/" + id + "/stock", "{\"available\":3}", null), 415, null);
        assertProblem(admin.send("POST", PRODUCTS + "/" + id + "/stock/adjustments", "{\"delta\":1,\"reason\":\"x\"}", "text/json"),
            415, null);
        assertThat(admin.get(PRODUCTS + "?category=" + category).json().path("items")).isEmpty();
        assertThat(admin.get(PRODUCTS + "/" + id).rawBody()).isEqualTo(before);
    }

    @Test
    void aStockReasonWithAControlCharacterIsRefusedNamingIt() {
        String id = admin.post(PRODUCTS, productBody(uniqueCategory())).json().path("id").asText();
        String before = admin.get(PRODUCTS + "/" + id).rawBody();

        assertProblem(admin.send("POST", PRODUCTS + "/" + id + "/stock/adjustments",
            "{\"delta\":5,\"reason\":\"recount\\u0000\"}", "application/json"), 400, "reason");
        assertThat(admin.get(PRODUCTS + "/" + id).rawBody()).isEqualTo(before);
    }
}
