package dev.shop.orders.order;

import static dev.shop.orders.ShopFixtures.ids;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.shop.common.table.Keys;
import dev.shop.common.table.ShopTable;
import dev.shop.local.TestShop.TestUser;
import dev.shop.local.client.ApiClient.ApiResponse;
import dev.shop.local.client.Cursors;
import dev.shop.orders.ShopFixtures;
import org.junit.jupiter.api.Test;

class OrdersTest {

    private final ShopFixtures fixtures = new ShopFixtures();

    @Test
    void ownOrdersAreListedNewestFirstAcrossPages() {
        TestUser buyer = fixtures.shop.newShopper();
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            placed.add(fixtures.placedOrder(buyer, 1));
        }
        fixtures.placedOrder(fixtures.shop.newShopper(), 1);

        List<String> listed = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            ApiResponse page = buyer.api().get("/orders?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            listed.addAll(ids(page));
            cursor = ShopFixtures.nextCursor(page);
            pages++;
        } while (cursor != null);

        assertThat(listed).containsExactly(placed.get(4), placed.get(3), placed.get(2), placed.get(1), placed.get(0));
        assertThat(pages).isGreaterThanOrEqualTo(3);
    }

    @Test
    void ownOrdersFillingWholePagesEndWithNullCursorOnTheLastPage() {
        TestUser buyer = fixtures.shop.newShopper();
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            placed.add(fixtures.placedOrder(buyer, 1));
        }

        ApiResponse first = buyer.api().get("/orders?limit=2");
        ApiResponse last = buyer.api().get("/orders?limit=2&cursor=" + ShopFixtures.nextCursor(first));

        assertThat(ids(first)).containsExactly(placed.get(3), placed.get(2));
        assertThat(ShopFixtures.nextCursor(first)).isNotNull();
        assertThat(ids(last)).containsExactly(placed.get(1), placed.get(0));
        assertThat(ShopFixtures.nextCursor(last)).isNull();
    }

    @Test
    void defaultPageOfANewUserIsEmpty() {
        ApiResponse page = fixtures.shop.newShopper().api().get("/orders");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().path("items")).isEmpty();
        assertThat(ShopFixtures.nextCursor(page)).isNull();
    }

    @Test
    void limitOutsideOneToHundredIs400() {
        TestUser buyer = fixtures.shop.newShopper();

        assertThat(buyer.api().get("/orders?limit=0").status()).isEqualTo(400);
        assertThat(buyer.api().get("/orders?limit=101").status()).isEqualTo(400);
        assertThat(buyer.api().get("/orders?limit=abc").status()).isEqualTo(400);
    }

    @Test
    void tamperedOrForeignCursorIs400() {
        TestUser buyer = fixtures.shop.newShopper();
        fixtures.placedOrder(buyer, 1);
        fixtures.placedOrder(buyer, 1);
        String cursor = buyer.api().get("/orders?limit=1").json().path("nextCursor").asText();
        TestUser other = fixtures.shop.newShopper();

        ApiResponse tampered = buyer.api().get("/orders?cursor=" + Cursors.tampered(cursor));
        ApiResponse foreign = other.api().get("/orders?cursor=" + cursor);

        assertThat(tampered.status()).isEqualTo(400);
        assertThat(tampered.json().path("errors").get(0).path("field").asText()).isEqualTo("cursor");
        assertThat(foreign.status()).isEqualTo(400);
    }

    @Test
    void ownerAndAdminSeeAnOrderAnyoneElseGets404() {
        TestUser buyer = fixtures.shop.newShopper();
        String orderId = fixtures.placedOrder(buyer, 2);

        ApiResponse owner = buyer.api().get("/orders/" + orderId);
        ApiResponse admin = fixtures.shop.newAdmin().api().get("/orders/" + orderId);
        ApiResponse stranger = fixtures.shop.newShopper().api().get("/orders/" + orderId);

        assertThat(owner.status()).isEqualTo(200);
        assertThat(owner.json().path("id").asText()).isEqualTo(orderId);
        assertThat(owner.header("ETag")).isEqualTo("\"1\"");
        assertThat(admin.status()).isEqualTo(200);
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.contentType()).startsWith("application/problem+json");
    }

    @Test
    void unknownOrderIs404() {
        assertThat(fixtures.shop.newShopper().api().get("/orders/01NOSUCHORDER").status()).isEqualTo(404);
    }

    @Test
    void ownerCancelsPlacedOrderAndStockReturnsInTheSameStep() {
        TestUser buyer = fixtures.shop.newShopper();
        String product = fixtures.product(10, 500);
        fixtures.cart(buyer, product, 4);
        String orderId = fixtures.checkout(buyer, ShopFixtures.newKey()).json().path("id").asText();

        ApiResponse cancelled = buyer.api().post("/orders/" + orderId + "/cancel", "");

        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().path("version").asLong()).isEqualTo(2);
        assertThat(fixtures.available(product)).isEqualTo(10);
        assertThat(fixtures.storedProduct(product).get(ShopTable.INVENTORY.sortKey()).n()).isEqualTo("10");
        assertThat(fixtures.storedItem(Keys.order(orderId)).get(ShopTable.GSI1.partitionKey()).s())
            .isEqualTo(Keys.ordersInStatus("CANCELLED"));
        assertThat(buyer.api().get("/orders/" + orderId).json().path("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void cancelReturnsStockOfADeletedProduct() {
        TestUser buyer = fixtures.shop.newShopper();
        String product = fixtures.product(10, 500);
        fixtures.cart(buyer, product, 3);
        String orderId = fixtures.checkout(buyer, ShopFixtures.newKey()).json().path("id").asText();
        fixtures.deleteProduct(product);

        ApiResponse cancelled = buyer.api().post("/orders/" + orderId + "/cancel", "");

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(fixtures.available(product)).isEqualTo(10);
    }

    @Test
    void adminCancelsAnyonesOrderStrangerGets404() {
        TestUser buyer = fixtures.shop.newShopper();
        String orderId = fixtures.placedOrder(buyer, 1);

        ApiResponse stranger = fixtures.shop.newShopper().api().post("/orders/" + orderId + "/cancel", "");
        ApiResponse admin = fixtures.shop.newAdmin().api().post("/orders/" + orderId + "/cancel", "");

        assertThat(stranger.status()).isEqualTo(404);
        assertThat(admin.status()).isEqualTo(200);
    }

    @Test
    void cancellingAnythingButPlacedIs409AndStockStays() {
        TestUser buyer = fixtures.shop.newShopper();
        TestUser admin = fixtures.shop.newAdmin();
        String product = fixtures.product(10, 500);
        fixtures.cart(buyer, product, 2);
        String cancelledId = fixtures.checkout(buyer, ShopFixtures.newKey()).json().path("id").asText();
        buyer.api().post("/orders/" + cancelledId + "/cancel", "");
        String shippedId = fixtures.placedOrder(buyer, 1);
        admin.api().put("/orders/" + shippedId + "/status", Map.of("status", "SHIPPED"));

        ApiResponse twice = buyer.api().post("/orders/" + cancelledId + "/cancel", "");
        ApiResponse shipped = buyer.api().post("/orders/" + shippedId + "/cancel", "");

        assertThat(twice.status()).isEqualTo(409);
        assertThat(shipped.status()).isEqualTo(409);
        assertThat(shipped.contentType()).startsWith("application/problem+json");
        assertThat(fixtures.available(product)).isEqualTo(10);
    }

    @Test
    void cancelWithStaleIfMatchIs412AndMatchingIfMatchSucceeds() {
        TestUser buyer = fixtures.shop.newShopper();
        String orderId = fixtures.placedOrder(buyer, 1);

        ApiResponse stale = buyer.api().withHeader("If-Match", "\"7\"").post("/orders/" + orderId + "/cancel", "");
        ApiResponse current = buyer.api().withHeader("If-Match", "\"1\"").post("/orders/" + orderId + "/cancel", "");

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().path("currentVersion").asLong()).isEqualTo(1);
        assertThat(current.status()).isEqualTo(200);
    }

    @Test
    void adminMovesOrderPlacedToShippedToDelivered() {
        TestUser buyer = fixtures.shop.newShopper();
        TestUser admin = fixtures.shop.newAdmin();
        String orderId = fixtures.placedOrder(buyer, 1);

        ApiResponse shipped = admin.api().put("/orders/" + orderId + "/status", Map.of("status", "SHIPPED"));
        ApiResponse delivered = admin.api().put("/orders/" + orderId + "/status", Map.of("status", "DELIVERED"));

        assertThat(shipped.status()).isEqualTo(200);
        assertThat(shipped.json().path("status").asText()).isEqualTo("SHIPPED");
        assertThat(delivered.status()).isEqualTo(200);
        assertThat(delivered.json().path("status").asText()).isEqualTo("DELIVERED");
        assertThat(delivered.json().path("version").asLong()).isEqualTo(3);
        assertThat(fixtures.storedItem(Keys.order(orderId)).get(ShopTable.GSI1.partitionKey()).s())
            .isEqualTo(Keys.ordersInStatus("DELIVERED"));
    }

    @Test
    void illegalTransitionsAre409() {
        TestUser buyer = fixtures.shop.newShopper();
        TestUser admin = fixtures.shop.newAdmin();
        String orderId = fixtures.placedOrder(buyer, 1);

        assertThat(admin.api().put("/orders/" + orderId + "/status", Map.of("status", "DELIVERED")).status()).isEqualTo(409);
        assertThat(admin.api().put("/orders/" + orderId + "/status", Map.of("status", "PLACED")).status()).isEqualTo(409);
        assertThat(admin.api().put("/orders/" + orderId + "/status", Map.of("status", "CANCELLED")).status()).isEqualTo(409);
        admin.api().put("/orders/" + orderId + "/status", Map.of("status", "SHIPPED"));
        ApiResponse back = admin.api().put("/orders/" + orderId + "/status", Map.of("status", "PLACED"));
        assertThat(back.status()).isEqualTo(409);
        assertThat(back.json().path("currentStatus").asText()).isEqualTo("SHIPPED");
    }

    @Test
    void unknownOrMissingStatusIs400() {
        TestUser admin = fixtures.shop.newAdmin();
        String orderId = fixtures.placedOrder(fixtures.shop.newShopper(), 1);

        ApiResponse unknown = admin.api().put("/orders/" + orderId + "/status", Map.of("status", "LOST"));
        ApiResponse lowerCase = admin.api().put("/orders/" + orderId + "/status", Map.of("status", "shipped"));
        ApiResponse missing = admin.api().put("/orders/" + orderId + "/status", Map.of());

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("errors").get(0).path("field").asText()).isEqualTo("status");
        assertThat(lowerCase.status()).isEqualTo(400);
        assertThat(missing.status()).isEqualTo(400);
    }

    @Test
    void statusChangeOfUnknownOrderIs404() {
        ApiResponse response = fixtures.shop.newAdmin().api().put("/orders/NOPE/status", Map.of("status", "SHIPPED"));

        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void shopperCannotChangeStatusOrListByStatus() {
        TestUser buyer = fixtures.shop.newShopper();
        String orderId = fixtures.placedOrder(buyer, 1);

        assertThat(buyer.api().put("/orders/" + orderId + "/status", Map.of("status", "SHIPPED")).status()).isEqualTo(403);
        assertThat(buyer.api().get("/orders/admin?status=PLACED").status()).isEqualTo(403);
    }

    @Test
    void adminListsOrdersInAStatusNewestFirstAcrossPages() {
        TestUser buyer = fixtures.shop.newShopper();
        TestUser admin = fixtures.shop.newAdmin();
        List<String> shipped = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String orderId = fixtures.placedOrder(buyer, 1);
            admin.api().put("/orders/" + orderId + "/status", Map.of("status", "SHIPPED"));
            shipped.add(orderId);
        }

        List<String> listed = new ArrayList<>();
        String cursor = null;
        do {
            ApiResponse page = admin.api().get("/orders/admin?status=SHIPPED&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            page.json().path("items").forEach(order -> assertThat(order.path("status").asText()).isEqualTo("SHIPPED"));
            listed.addAll(ids(page));
            cursor = ShopFixtures.nextCursor(page);
        } while (cursor != null);

        assertThat(listed).doesNotHaveDuplicates();
        assertThat(listed).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(listed).containsSubsequence(shipped.get(2), shipped.get(1), shipped.get(0));
    }

    @Test
    void adminListingByStatusEndsWithNullCursorOnItsLastNonEmptyPage() {
        TestUser buyer = fixtures.shop.newShopper();
        TestUser admin = fixtures.shop.newAdmin();
        List<String> delivered = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String orderId = fixtures.placedOrder(buyer, 1);
            admin.api().put("/orders/" + orderId + "/status", Map.of("status", "SHIPPED"));
            admin.api().put("/orders/" + orderId + "/status", Map.of("status", "DELIVERED"));
            delivered.add(orderId);
        }

        // Pages of one make any number of orders an exact multiple of the page size, whatever other
        // tests left in the shared table; DELIVERED is final, so no order leaves the listing meanwhile.
        List<String> listed = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            ApiResponse page = admin.api().get("/orders/admin?status=DELIVERED&limit=1" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            pageSizes.add(ids(page).size());
            listed.addAll(ids(page));
            cursor = ShopFixtures.nextCursor(page);
        } while (cursor != null);

        assertThat(pageSizes).containsOnly(1);
        assertThat(listed).doesNotHaveDuplicates().containsSubsequence(delivered.get(1), delivered.get(0));
    }

    @Test
    void listingByStatusNeedsAValidStatus() {
        TestUser admin = fixtures.shop.newAdmin();

        assertThat(admin.api().get("/orders/admin").status()).isEqualTo(400);
        assertThat(admin.api().get("/orders/admin?status=LOST").status()).isEqualTo(400);
        assertThat(admin.api().get("/orders/admin?status=PLACED&limit=0").status()).isEqualTo(400);
        assertThat(admin.api().get("/orders/admin?status=PLACED&cursor=bogus").status()).isEqualTo(400);
    }

    @Test
    void everyOrderRouteWithoutTokenIs401() {
        var anonymous = fixtures.shop.anonymous();

        assertThat(anonymous.get("/orders").status()).isEqualTo(401);
        assertThat(anonymous.get("/orders/x").status()).isEqualTo(401);
        assertThat(anonymous.post("/orders/x/cancel", "").status()).isEqualTo(401);
        assertThat(anonymous.put("/orders/x/status", Map.of("status", "SHIPPED")).status()).isEqualTo(401);
        assertThat(anonymous.get("/orders/admin?status=PLACED").status()).isEqualTo(401);
    }
}
