package dev.shop.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shop.common.routes.Service;
import dev.shop.local.TestShop;
import dev.shop.local.client.ApiClient.ApiResponse;
import org.junit.jupiter.api.Test;

class GatewayPathTest {

    private final TestShop shop = TestShop.serving(Service.CATALOG);

    @Test
    void unknownProductIsNotFoundAsProblemJson() {
        ApiResponse response = shop.anonymous().get("/catalog/products/nope");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("status").asInt()).isEqualTo(404);
        assertThat(response.json().path("title").asText()).isEqualTo("Not Found");
    }
}
