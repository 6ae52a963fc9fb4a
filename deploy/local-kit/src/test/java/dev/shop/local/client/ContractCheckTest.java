package dev.shop.local.client;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The check every API test's exchanges pass through (ApiClient) refuses what docs/api/openapi.yaml does
 * not describe, and lets through what it does, including bad requests that the API refused.
 */
class ContractCheckTest {

    private static final ContractCheck CHECK = ContractCheck.get();
    private static final Map<String, String> TOKEN = Map.of("Authorization", "Bearer any");
    private static final String CART = "{\"items\":[],\"itemCount\":0,\"subtotalCents\":0,\"currency\":\"USD\",\"updatedAt\":null}";

    private static HttpHeaders headers(String... nameValues) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            map.put(nameValues[i], List.of(nameValues[i + 1]));
        }
        return HttpHeaders.of(map, (name, value) -> true);
    }

    private static String problem(int status) {
        return "{\"type\":\"about:blank\",\"title\":\"t\",\"status\":" + status + "}";
    }

    @Test
    void describedExchangesPass() {
        assertThatCode(() -> {
            CHECK.check("GET", "/catalog/products?limit=3", Map.of(), null, 200, headers("content-type", "application/json"),
                "{\"items\":[],\"nextCursor\":null}");
            CHECK.check("GET", "/cart", TOKEN, null, 200, headers("content-type", "application/json"), CART);
            CHECK.check("GET", "/cart", Map.of(), null, 401, headers("content-type", "application/problem+json"), problem(401));
            CHECK.check("GET", "/catalog/products?limit=abc", Map.of(), null, 400,
                headers("content-type", "application/problem+json"), problem(400));
            CHECK.check("GET", "/no/such/route", Map.of(), null, 404, headers("content-type", "application/problem+json"), problem(404));
        }).doesNotThrowAnyException();
    }

    @Test
    void aStatusTheRouteDoesNotDescribeFails() {
        assertThatThrownBy(() -> CHECK.check("GET", "/catalog/products", Map.of(), null, 418,
            headers("content-type", "application/problem+json"), problem(418)))
            .isInstanceOf(AssertionError.class).hasMessageContaining("418");
    }

    @Test
    void aMemberTheDocumentDoesNotNameFails() {
        assertThatThrownBy(() -> CHECK.check("GET", "/cart", TOKEN, null, 200, headers("content-type", "application/json"),
            CART.replace("}", ",\"extra\":1}")))
            .isInstanceOf(AssertionError.class).hasMessageContaining("extra");
    }

    @Test
    void aHeaderTheResponseDoesNotDescribeFails() {
        assertThatThrownBy(() -> CHECK.check("GET", "/catalog/categories", Map.of(), null, 200,
            headers("content-type", "application/json", "ETag", "\"1\""), "{\"items\":[]}"))
            .isInstanceOf(AssertionError.class).hasMessageContaining("ETag");
    }

    @Test
    void aRequestTheDocumentRefusesMustNotSucceed() {
        assertThatThrownBy(() -> CHECK.check("GET", "/cart", Map.of(), null, 200, headers("content-type", "application/json"), CART))
            .isInstanceOf(AssertionError.class).hasMessageContaining("security");
    }
}
