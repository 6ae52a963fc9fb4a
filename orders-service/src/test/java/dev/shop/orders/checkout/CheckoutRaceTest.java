package dev.shop.orders.checkout;

import static dev.shop.orders.ShopFixtures.newKey;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.shop.local.TestShop.TestUser;
import dev.shop.local.client.ApiClient.ApiResponse;
import dev.shop.local.client.Race;
import dev.shop.orders.ShopFixtures;
import org.junit.jupiter.api.Test;

class CheckoutRaceTest {

    private final ShopFixtures fixtures = new ShopFixtures();

    @Test
    void thirtyBuyersOfTheLastTenUnitsGiveTenOrdersAndTwenty409sAndNoneRunsOutOfRetries() {
        String product = fixtures.product(30, 2_000);
        List<TestUser> buyers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            TestUser buyer = fixtures.shop.newShopper();
            fixtures.cart(buyer, product, 1);
            buyers.add(buyer);
        }
        // the cart refuses more than is in stock, so the shortage comes after the carts are full
        fixtures.stock(product, 10);
        List<Callable<ApiResponse>> checkouts = new ArrayList<>();
        for (TestUser buyer : buyers) {
            checkouts.add(() -> fixtures.checkout(buyer, newKey()));
        }

        List<ApiResponse> responses = Race.run(checkouts);

        assertThat(responses).extracting(ApiResponse::status).as("short of stock is 409; no checkout ran out of retries (503)")
            .containsOnly(201, 409);
        assertThat(responses.stream().filter(r -> r.status() == 201)).hasSize(10);
        assertThat(fixtures.available(product)).isZero();
        for (int i = 0; i < buyers.size(); i++) {
            if (responses.get(i).status() == 409) {
                assertThat(responses.get(i).json().path("productIds").get(0).asText()).isEqualTo(product);
                assertThat(fixtures.storedCart(buyers.get(i))).containsExactlyEntriesOf(Map.of(product, 1));
            } else {
                assertThat(fixtures.storedCart(buyers.get(i))).isEmpty();
            }
        }
    }

    @Test
    void sameKeySentFiveTimesAtOncePlacesOneOrder() {
        TestUser buyer = fixtures.shop.newShopper();
        String product = fixtures.product(50, 300);
        fixtures.cart(buyer, product, 3);
        String key = newKey();
        List<Callable<ApiResponse>> sends = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sends.add(() -> fixtures.checkout(buyer, key));
        }

        List<ApiResponse> responses = Race.run(sends);

        assertThat(responses).extracting(ApiResponse::status).allMatch(status -> status == 200 || status == 201);
        assertThat(responses.stream().filter(r -> r.status() == 201)).hasSize(1);
        assertThat(responses).extracting(r -> r.json().path("id").asText()).containsOnly(responses.get(0).json().path("id").asText());
        assertThat(fixtures.available(product)).isEqualTo(47);
        ApiResponse mine = buyer.api().get("/orders");
        assertThat(mine.json().path("items")).hasSize(1);
    }
}
