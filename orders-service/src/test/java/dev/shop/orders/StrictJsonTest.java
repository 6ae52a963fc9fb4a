package dev.shop.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.local.TestShop.TestUser;
import dev.shop.local.client.ApiClient.ApiResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CONTRACT.md "Strict JSON" on orders' and profiles' write routes: refused naming the field, nothing written. */
class StrictJsonTest {

    private static final String RAW = "RAW-TEXT";

    private final ShopFixtures fixtures = new ShopFixtures();

    private static void assertRefusedNaming(ApiResponse response, String field) {
        assertThat(response.status()).as("%s", response).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("errors").findValuesAsText("field")).as("%s", response).contains(field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\ud83d", "Ada\\u0000", "\\u0001Ada", "Ada\\u009b"})
    void illFormedTextInAProfileIsRefusedAndNotStored(String escaped) {
        TestUser user = fixtures.shop.newShopper();
        String before = user.api().get("/profile").rawBody();

        ApiResponse name = user.api().send("PUT", "/profile", "{\"displayName\":\"" + escaped + "\",\"addresses\":[]}", "application/json");
        ApiResponse city = user.api().send("PUT", "/profile", "{\"displayName\":\"Ada\",\"addresses\":["
            + addressWithCity("London") + "," + addressWithCity(escaped) + "]}", "application/json");

        assertRefusedNaming(name, "displayName");
        assertRefusedNaming(city, "addresses[1].city");
        assertThat(user.api().get("/profile").rawBody()).isEqualTo(before);
    }

    @Test
    void illFormedTextInAShippingAddressIsRefusedAndTheCartStays() throws JsonProcessingException {
        TestUser buyer = fixtures.shop.newShopper();
        String product = fixtures.product(5, 1_000);
        fixtures.cart(buyer, product, 2);
        String body = new ObjectMapper().writeValueAsString(Map.of("shippingAddress", withLine1(RAW))).replace(RAW, "\\udfff");

        ApiResponse response = buyer.api().withHeader("Idempotency-Key", ShopFixtures.newKey()).send("POST", "/orders", body, "application/json");

        assertRefusedNaming(response, "shippingAddress.line1");
        assertThat(fixtures.storedCart(buyer)).containsEntry(product, 2);
        assertThat(fixtures.available(product)).isEqualTo(5);
    }

    @Test
    void trailingContentAndRepeatedMembersAreRefused() {
        TestUser user = fixtures.shop.newShopper();
        user.api().get("/profile");

        assertRefusedNaming(user.api().send("PUT", "/profile", "{\"displayName\":\"Ada\",\"addresses\":[]}xyz", "application/json"), "body");
        assertRefusedNaming(user.api().send("PUT", "/profile",
            "{\"displayName\":\"Ada\",\"displayName\":\"Eve\",\"addresses\":[]}", "application/json"), "displayName");
    }

    @Test
    void aBodyWithoutJsonContentTypeIsUnsupportedMediaType() {
        TestUser user = fixtures.shop.newShopper();

        ApiResponse profile = user.api().send("PUT", "/profile", "{\"displayName\":\"Ada\",\"addresses\":[]}", null);
        ApiResponse checkout = user.api().withHeader("Idempotency-Key", ShopFixtures.newKey())
            .send("POST", "/orders", "{\"shippingAddress\":{}}", "text/plain");

        assertThat(profile.status()).as("%s", profile).isEqualTo(415);
        assertThat(checkout.status()).as("%s", checkout).isEqualTo(415);
        assertThat(profile.contentType()).startsWith("application/problem+json");
    }

    private static String addressWithCity(String escapedCity) {
        return "{\"name\":\"Ada\",\"line1\":\"1 Road\",\"city\":\"" + escapedCity + "\",\"postalCode\":\"N1\",\"country\":\"GB\"}";
    }

    private static Map<String, Object> withLine1(String line1) {
        Map<String, Object> address = new LinkedHashMap<>(ShopFixtures.address());
        address.put("line1", line1);
        return address;
    }
}
