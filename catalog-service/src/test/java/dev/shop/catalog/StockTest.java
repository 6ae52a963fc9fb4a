package dev.shop.catalog;

import static dev.shop.catalog.CatalogFixtures.assertProblem;
import static dev.shop.catalog.CatalogFixtures.createIn;
import static dev.shop.catalog.CatalogFixtures.createWithStock;
import static dev.shop.catalog.CatalogFixtures.productPath;
import static dev.shop.catalog.CatalogFixtures.uniqueCategory;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
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

/** Setting and adjusting a product's stock. */
class StockTest {

    private final TestShop shop = TestShop.serving(Service.CATALOG);
    private final ApiClient admin = shop.newAdmin().api();

    @Test
    void settingTheStockAnswersTheNewLevelAndTheProductShowsIt() {
        String id = createIn(admin, uniqueCategory()).path("id").asText();

        ApiResponse response = admin.put(stock(id), Map.of("available", 42));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("productId").asText()).isEqualTo(id);
        assertThat(response.json().path("available").asLong()).isEqualTo(42);
        assertThat(shop.anonymous().get(productPath(id)).json().path("available").asLong()).isEqualTo(42);
    }

    @Test
    void settingTheStockToZeroIsAllowedAndLeavesTheVersion() {
        String id = createIn(admin, uniqueCategory()).path("id").asText();

        assertThat(admin.put(stock(id), Map.of("available", 0)).json().path("available").asLong()).isZero();
        assertThat(shop.anonymous().get(productPath(id)).json().path("version").asLong()).isEqualTo(1);
    }

    static Stream<Arguments> invalidStockLevels() {
        return Stream.of(Arguments.of(-1), Arguments.of(2.5), Arguments.of("7"), Arguments.of((Object) null));
    }

    @ParameterizedTest(name = "available = {0}")
    @MethodSource("invalidStockLevels")
    void anInvalidStockLevelIsBadRequestAndNothingChanges(Object available) {
        String id = createIn(admin, uniqueCategory()).path("id").asText();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("available", available);

        assertProblem(admin.put(stock(id), body), 400, "available");
        assertThat(shop.anonymous().get(productPath(id)).json().path("available").asLong()).isEqualTo(10);
    }

    @Test
    void settingTheStockOfAnUnknownOrDeletedProductIsNotFound() {
        String deleted = createIn(admin, uniqueCategory()).path("id").asText();
        admin.delete(productPath(deleted));

        assertProblem(admin.put(stock("00000000-0000-0000-0000-000000000000"), Map.of("available", 1)), 404, null);
        assertProblem(admin.put(stock(deleted), Map.of("available", 1)), 404, null);
    }

    @Test
    void anAdjustmentAddsOrTakesUnits() {
        String id = createIn(admin, uniqueCategory()).path("id").asText();

        ApiResponse received = admin.post(adjustments(id), adjustment(5, "delivery from supplier"));
        ApiResponse writtenOff = admin.post(adjustments(id), adjustment(-12, "water damage"));

        assertThat(received.status()).isEqualTo(200);
        assertThat(received.json().path("productId").asText()).isEqualTo(id);
        assertThat(received.json().path("available").asLong()).isEqualTo(15);
        assertThat(writtenOff.json().path("available").asLong()).isEqualTo(3);
        assertThat(shop.anonymous().get(productPath(id)).json().path("available").asLong()).isEqualTo(3);
    }

    @Test
    void anAdjustmentDownToExactlyZeroIsAllowed() {
        String id = createIn(admin, uniqueCategory()).path("id").asText();

        assertThat(admin.post(adjustments(id), adjustment(-10, "stocktake")).json().path("available").asLong()).isZero();
    }

    @Test
    void adjustmentBelowZeroIsRejectedAndStockUnchanged() {
        String id = createIn(admin, uniqueCategory()).path("id").asText();

        ApiResponse response = admin.post(adjustments(id), adjustment(-11, "stocktake"));

        assertProblem(response, 409, null);
        assertThat(response.json().path("available").asLong()).isEqualTo(10);
        assertThat(shop.anonymous().get(productPath(id)).json().path("available").asLong()).isEqualTo(10);
    }

    static Stream<Arguments> invalidAdjustments() {
        return Stream.of(
            Arguments.of("delta", body(0, "nothing")),
            Arguments.of("delta", body(null, "missing delta")),
            Arguments.of("delta", body(1.5, "fraction")),
            Arguments.of("delta", body("-1", "a string")),
            Arguments.of("reason", body(-1, null)),
            Arguments.of("reason", body(-1, "")),
            Arguments.of("reason", body(-1, "  ")),
            Arguments.of("reason", body(-1, "r".repeat(201))));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidAdjustments")
    void anInvalidAdjustmentIsBadRequestNamingTheFieldAndNothingChanges(String field, Map<String, Object> body) {
        String id = createIn(admin, uniqueCategory()).path("id").asText();

        assertProblem(admin.post(adjustments(id), body), 400, field);
        assertThat(shop.anonymous().get(productPath(id)).json().path("available").asLong()).isEqualTo(10);
    }

    @Test
    void aReasonOf200CharactersIsAccepted() {
        String id = createWithStock(admin, uniqueCategory(), 1).path("id").asText();

        assertThat(admin.post(adjustments(id), adjustment(1, "r".repeat(200))).status()).isEqualTo(200);
    }

    @Test
    void adjustingAnUnknownOrDeletedProductIsNotFound() {
        String deleted = createIn(admin, uniqueCategory()).path("id").asText();
        admin.delete(productPath(deleted));

        assertProblem(admin.post(adjustments("00000000-0000-0000-0000-000000000000"), adjustment(1, "x")), 404, null);
        assertProblem(admin.post(adjustments(deleted), adjustment(1, "x")), 404, null);
    }

    static String stock(String id) {
        return productPath(id) + "/stock";
    }

    static String adjustments(String id) {
        return stock(id) + "/adjustments";
    }

    static Map<String, Object> adjustment(long delta, String reason) {
        return body(delta, reason);
    }

    private static Map<String, Object> body(Object delta, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (delta != null) {
            body.put("delta", delta);
        }
        if (reason != null) {
            body.put("reason", reason);
        }
        return body;
    }
}
