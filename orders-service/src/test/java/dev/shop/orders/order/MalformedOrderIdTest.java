package dev.shop.orders.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;

import dev.shop.local.client.ApiClient;
import dev.shop.local.client.ApiClient.ApiResponse;
import dev.shop.orders.ShopFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An order id that cannot be a ULID is a 404 on every route that carries one,
 * checked at the edge: before the check, a 2,100-character id reached
 * DynamoDB's key-size limit and came back as a 500.
 */
class MalformedOrderIdTest {

    private static final ShopFixtures FIXTURES = new ShopFixtures();

    static Stream<Arguments> malformedIdsOnEveryRoute() {
        Stream<String> ids = Stream.of(
            "A".repeat(2_100),
            URLEncoder.encode("€".repeat(1_100), StandardCharsets.UTF_8),
            "01nosuchorder",
            "01HZZZZZZZZZZZZZZZZZZZZZZZU");
        return ids.flatMap(id -> Stream.of(
            Arguments.of("GET", "/orders/" + id),
            Arguments.of("POST", "/orders/" + id + "/cancel"),
            Arguments.of("PUT", "/orders/" + id + "/status")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("malformedIdsOnEveryRoute")
    void aMalformedOrderIdIsNotFound(String method, String path) {
        ApiClient admin = FIXTURES.shop.newAdmin().api();

        ApiResponse response = method.equals("PUT")
            ? admin.put(path, Map.of("status", "SHIPPED"))
            : admin.send(method, path, null, null);

        assertThat(response.status()).as("%s", response).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("status").asInt()).isEqualTo(404);
    }
}
