package dev.shop.cart.cart;

import static dev.shop.cart.cart.CartFixtures.admin;
import static dev.shop.cart.cart.CartFixtures.product;
import static dev.shop.cart.cart.CartFixtures.put;
import static dev.shop.cart.cart.CartFixtures.shopper;
import static dev.shop.cart.cart.CartRoutesTest.assertBadRequestNaming;
import static dev.shop.cart.cart.CartRoutesTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shop.cart.cart.CartFixtures.TestProduct;
import dev.shop.local.TestShop.TestUser;
import dev.shop.local.client.ApiClient.ApiResponse;
import dev.shop.local.client.Cursors;
import org.junit.jupiter.api.Test;

/**
 * The admin's abandoned-carts listing. Other test classes leave carts in the
 * shared table, so assertions look only at this test's own users.
 */
class AbandonedCartsTest {

    private static final String ABANDONED = "/cart/admin/abandoned";

    @Test
    void idleCartsArePagedOldestFirstEachExactlyOnce() {
        TestProduct pen = product(150, 50);
        List<TestUser> users = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            TestUser user = shopper();
            put(user, pen, i);
            users.add(user);
        }

        List<JsonNode> mine = walk("?idleMinutes=0&limit=2", users.stream().map(TestUser::userId).collect(Collectors.toSet()));

        assertThat(mine).extracting(row -> row.path("userId").asText())
            .containsExactlyElementsOf(users.stream().map(TestUser::userId).toList());
        assertThat(mine).extracting(row -> row.path("itemCount").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(mine).extracting(row -> row.path("subtotalCents").asLong()).containsExactly(150L, 300L, 450L, 600L, 750L);
        assertThat(mine).allSatisfy(row -> assertThat(Instant.parse(row.path("updatedAt").asText())).isBeforeOrEqualTo(Instant.now()));
    }

    @Test
    void aWriteMovesTheCartToTheEndOfTheListing() {
        TestProduct pen = product();
        TestUser first = shopper();
        TestUser second = shopper();
        put(first, pen, 1);
        put(second, pen, 1);

        put(first, pen, 2);
        List<JsonNode> mine = walk("?idleMinutes=0&limit=100", Set.of(first.userId(), second.userId()));

        assertThat(mine).extracting(row -> row.path("userId").asText()).containsExactly(second.userId(), first.userId());
    }

    @Test
    void emptiedAndDeletedCartsLeaveTheListing() {
        TestProduct pen = product();
        TestUser emptied = shopper();
        TestUser deleted = shopper();
        TestUser kept = shopper();
        put(emptied, pen, 1);
        put(deleted, pen, 1);
        put(kept, pen, 1);

        put(emptied, pen, 0);
        deleted.api().delete("/cart");
        List<JsonNode> mine = walk("?idleMinutes=0", Set.of(emptied.userId(), deleted.userId(), kept.userId()));

        assertThat(mine).extracting(row -> row.path("userId").asText()).containsExactly(kept.userId());
        assertThat(CartFixtures.storedSummary(emptied)).doesNotContainKeys("cartsPK", "cartsSK");
    }

    @Test
    void cartsWrittenMoreRecentlyThanTheIdleTimeAreNotListed() {
        TestUser recent = shopper();
        put(recent, product(), 1);

        List<JsonNode> mine = walk("?idleMinutes=60", Set.of(recent.userId()));

        assertThat(mine).isEmpty();
    }

    @Test
    void idleMinutesMustBeANonNegativeInteger() {
        assertBadRequestNaming(admin().api().get(ABANDONED + "?idleMinutes=-1"), "idleMinutes");
        assertBadRequestNaming(admin().api().get(ABANDONED + "?idleMinutes=abc"), "idleMinutes");
        assertBadRequestNaming(admin().api().get(ABANDONED + "?idleMinutes=1.5"), "idleMinutes");
    }

    @Test
    void limitMustBeBetweenOneAndOneHundred() {
        assertBadRequestNaming(admin().api().get(ABANDONED + "?limit=0"), "limit");
        assertBadRequestNaming(admin().api().get(ABANDONED + "?limit=101"), "limit");
        assertThat(admin().api().get(ABANDONED + "?limit=100").status()).isEqualTo(200);
    }

    @Test
    void aCursorTheServerDidNotIssueIsRejected() {
        TestUser user = shopper();
        put(user, product(), 1);
        put(shopper(), product(), 1);
        String cursor = admin().api().get(ABANDONED + "?idleMinutes=0&limit=1").json().path("nextCursor").asText();
        String tampered = Cursors.tampered(cursor);

        assertBadRequestNaming(admin().api().get(ABANDONED + "?idleMinutes=0&limit=1&cursor=" + tampered), "cursor");
        assertBadRequestNaming(admin().api().get(ABANDONED + "?idleMinutes=0&limit=1&cursor=not-a-cursor"), "cursor");
    }

    /** Before cursors were bound to idleMinutes, this replay sent DynamoDB a start key outside the Query's range: a 500. */
    @Test
    void aCursorReplayedWithAnotherIdleTimeIsRejected() {
        put(shopper(), product(), 1);
        put(shopper(), product(), 1);
        String cursor = admin().api().get(ABANDONED + "?idleMinutes=0&limit=1").json().path("nextCursor").asText();

        assertBadRequestNaming(admin().api().get(ABANDONED + "?idleMinutes=100000&limit=1&cursor=" + cursor), "cursor");
        assertBadRequestNaming(admin().api().get(ABANDONED + "?limit=1&cursor=" + cursor), "cursor");
        assertThat(admin().api().get(ABANDONED + "?idleMinutes=0&limit=5&cursor=" + cursor).status())
            .as("the page size is not part of the listing").isEqualTo(200);
    }

    @Test
    void onlyAdminsSeeAbandonedCarts() {
        assertProblem(shopper().api().get(ABANDONED), 403);
        assertProblem(CartFixtures.SHOP.anonymous().get(ABANDONED), 401);
        ApiResponse page = admin().api().get(ABANDONED);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().has("items")).isTrue();
        assertThat(page.json().has("nextCursor")).isTrue();
    }

    /** Every page of the listing, keeping the rows of the given users in the order they came. */
    private static List<JsonNode> walk(String query, Set<String> userIds) {
        List<JsonNode> rows = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            ApiResponse page = admin().api().get(ABANDONED + query + (cursor == null ? "" : (query.isEmpty() ? "?" : "&") + "cursor=" + cursor));
            assertThat(page.status()).as("%s", page).isEqualTo(200);
            page.json().path("items").forEach(row -> {
                if (userIds.contains(row.path("userId").asText())) {
                    rows.add(row);
                }
            });
            cursor = page.json().path("nextCursor").isNull() ? null : page.json().path("nextCursor").asText();
            assertThat(++pages).as("pages walked").isLessThan(1_000);
        } while (cursor != null);
        return rows;
    }
}
