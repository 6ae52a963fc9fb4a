package dev.shop.orders.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.shop.common.table.Keys;
import dev.shop.local.TestShop.TestUser;
import dev.shop.local.client.ApiClient.ApiResponse;
import dev.shop.local.client.Race;
import dev.shop.orders.ShopFixtures;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class OrderRaceTest {

    private final ShopFixtures fixtures = new ShopFixtures();

    @Test
    void cancelRacingShipLetsExactlyOneWinAndTheLoserGetsTheStateMachines409NotA503() {
        for (int round = 0; round < 5; round++) {
            TestUser buyer = fixtures.shop.newShopper();
            TestUser admin = fixtures.shop.newAdmin();
            String product = fixtures.product(10, 100);
            fixtures.cart(buyer, product, 2);
            String orderId = fixtures.checkout(buyer, ShopFixtures.newKey()).json().path("id").asText();

            List<ApiResponse> results = Race.run(List.<Callable<ApiResponse>>of(
                () -> buyer.api().post("/orders/" + orderId + "/cancel", ""),
                () -> admin.api().put("/orders/" + orderId + "/status", Map.of("status", "SHIPPED"))));

            assertThat(results).extracting(ApiResponse::status).containsExactlyInAnyOrder(200, 409);
            String finalStatus = buyer.api().get("/orders/" + orderId).json().path("status").asText();
            boolean cancelWon = results.get(0).status() == 200;
            assertThat(finalStatus).isEqualTo(cancelWon ? "CANCELLED" : "SHIPPED");
            assertThat(fixtures.available(product)).isEqualTo(cancelWon ? 10 : 8);
        }
    }

    @Test
    void twoRacingShipmentsGiveOne200AndTheLoserTheStateMachines409NotA503() {
        TestUser admin = fixtures.shop.newAdmin();
        String orderId = fixtures.placedOrder(fixtures.shop.newShopper(), 1);

        List<ApiResponse> results = Race.run(List.<Callable<ApiResponse>>of(
            () -> admin.api().put("/orders/" + orderId + "/status", Map.of("status", "SHIPPED")),
            () -> admin.api().put("/orders/" + orderId + "/status", Map.of("status", "SHIPPED"))));

        assertThat(results).extracting(ApiResponse::status).containsExactlyInAnyOrder(200, 409);
        ApiResponse loser = results.get(0).status() == 409 ? results.get(0) : results.get(1);
        assertThat(loser.json().path("currentStatus").asText()).as("the loser re-read the order, it did not run out of retries")
            .isEqualTo("SHIPPED");
        assertThat(loser.header("Retry-After")).isNull();
    }

    @Test
    void stockIsConservedThroughConcurrentCheckoutsAndCancels() {
        long initial = 40;
        String product = fixtures.product(initial, 250);
        List<TestUser> buyers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            TestUser buyer = fixtures.shop.newShopper();
            fixtures.cart(buyer, product, 1 + i % 5);
            buyers.add(buyer);
        }
        List<Callable<ApiResponse>> checkouts = new ArrayList<>();
        for (TestUser buyer : buyers) {
            checkouts.add(() -> fixtures.checkout(buyer, ShopFixtures.newKey()));
        }
        List<ApiResponse> placed = Race.run(checkouts);
        List<Callable<ApiResponse>> cancels = new ArrayList<>();
        List<String> orderIds = new ArrayList<>();
        for (int i = 0; i < placed.size(); i++) {
            if (placed.get(i).status() == 201) {
                String orderId = placed.get(i).json().path("id").asText();
                orderIds.add(orderId);
                if (i % 2 == 0) {
                    TestUser buyer = buyers.get(i);
                    cancels.add(() -> buyer.api().post("/orders/" + orderId + "/cancel", ""));
                }
            }
        }
        // cancels race each other and new checkouts by buyers whose first attempt failed
        for (int i = 0; i < placed.size(); i++) {
            if (placed.get(i).status() != 201) {
                TestUser buyer = buyers.get(i);
                cancels.add(() -> fixtures.checkout(buyer, ShopFixtures.newKey()));
            }
        }
        for (ApiResponse response : Race.run(cancels)) {
            if (response.status() == 201) {
                orderIds.add(response.json().path("id").asText());
            }
        }

        long remaining = fixtures.available(product);
        long unitsInLiveOrders = 0;
        for (String orderId : orderIds) {
            Map<String, AttributeValue> order = fixtures.storedItem(Keys.order(orderId));
            if (!order.get("status").s().equals("CANCELLED")) {
                unitsInLiveOrders += order.get("items").l().stream()
                    .mapToLong(line -> Long.parseLong(line.m().get("quantity").n())).sum();
            }
        }
        assertThat(remaining).isGreaterThanOrEqualTo(0);
        assertThat(remaining + unitsInLiveOrders).isEqualTo(initial);
    }
}
