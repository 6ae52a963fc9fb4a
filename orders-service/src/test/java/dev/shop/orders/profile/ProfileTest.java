package dev.shop.orders.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.shop.common.table.Keys;
import dev.shop.common.table.ShopTable;
import dev.shop.orders.ShopFixtures;
import dev.shop.local.testing.ApiClient.ApiResponse;
import dev.shop.local.testing.TestShop.TestUser;
import org.junit.jupiter.api.Test;

class ProfileTest {

    private final ShopFixtures fixtures = new ShopFixtures();

    private static String newEmail() {
        return "shopper-" + UUID.randomUUID() + "@example.org";
    }

    private static Map<String, Object> update(String displayName, String email, List<Map<String, Object>> addresses) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("displayName", displayName);
        body.put("email", email);
        body.put("addresses", addresses);
        return body;
    }

    @Test
    void firstReadCreatesProfileFromTheToken() {
        TestUser user = fixtures.shop.newShopper();

        ApiResponse first = user.api().get("/profile");
        ApiResponse second = user.api().get("/profile");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("userId").asText()).isEqualTo(user.userId());
        assertThat(first.json().path("email").asText()).isEqualTo(user.username());
        assertThat(first.json().path("displayName").asText()).isEqualTo(user.username().substring(0, user.username().indexOf('@')));
        assertThat(first.json().path("addresses")).isEmpty();
        assertThat(first.json().path("version").asLong()).isEqualTo(1);
        assertThat(first.header("ETag")).isEqualTo("\"1\"");
        assertThat(second.json()).isEqualTo(first.json());
        assertThat(fixtures.storedItem(Keys.emailGuard(user.username())).get("userId").s()).isEqualTo(user.userId());
    }

    @Test
    void updateReplacesTheProfileAndBumpsVersion() {
        TestUser user = fixtures.shop.newShopper();
        user.api().get("/profile");
        String email = newEmail();

        ApiResponse response = user.api().put("/profile", update("Ada", email, List.of(ShopFixtures.address())));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("displayName").asText()).isEqualTo("Ada");
        assertThat(response.json().path("email").asText()).isEqualTo(email);
        assertThat(response.json().path("addresses")).hasSize(1);
        assertThat(response.json().path("addresses").get(0).path("country").asText()).isEqualTo("GB");
        assertThat(response.json().path("version").asLong()).isEqualTo(2);
        assertThat(user.api().get("/profile").json()).isEqualTo(response.json());
        assertThat(fixtures.storedItem(Keys.profile(user.userId())).get(ShopTable.PROFILES.partitionKey()).s())
            .isEqualTo(Keys.profilesIndexKey(email));
    }

    @Test
    void updateBeforeAnyReadCreatesTheProfile() {
        TestUser user = fixtures.shop.newShopper();

        ApiResponse response = user.api().put("/profile", update("Grace", newEmail(), List.of()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("version").asLong()).isEqualTo(1);
    }

    @Test
    void invalidFieldsAre400NamingEachField() {
        TestUser user = fixtures.shop.newShopper();
        Map<String, Object> badAddress = new LinkedHashMap<>(ShopFixtures.address());
        badAddress.put("country", "gb");
        badAddress.remove("postalCode");

        ApiResponse response = user.api().put("/profile", update("", "not-an-email", List.of(badAddress)));

        assertThat(response.status()).isEqualTo(400);
        List<String> fields = response.json().path("errors").findValuesAsText("field");
        assertThat(fields).contains("displayName", "email");
        assertThat(fields).anySatisfy(field -> assertThat(field).startsWith("addresses").contains("country"));
        assertThat(fields).anySatisfy(field -> assertThat(field).startsWith("addresses").contains("postalCode"));
    }

    @Test
    void tooLongDisplayNameAndTooManyAddressesAre400() {
        TestUser user = fixtures.shop.newShopper();
        List<Map<String, Object>> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(ShopFixtures.address());
        }

        ApiResponse longName = user.api().put("/profile", update("x".repeat(101), newEmail(), List.of()));
        ApiResponse tooMany = user.api().put("/profile", update("Ada", newEmail(), eleven));
        ApiResponse ten = user.api().put("/profile", update("x".repeat(100), newEmail(), eleven.subList(0, 10)));

        assertThat(longName.status()).isEqualTo(400);
        assertThat(longName.json().path("errors").get(0).path("field").asText()).isEqualTo("displayName");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().path("errors").get(0).path("field").asText()).isEqualTo("addresses");
        assertThat(ten.status()).isEqualTo(200);
    }

    @Test
    void emailWithoutDomainDotIs400() {
        ApiResponse response = fixtures.shop.newShopper().api().put("/profile", update("Ada", "ada@localhost", List.of()));

        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void staleIfMatchIs412AndCurrentOneSucceeds() {
        TestUser user = fixtures.shop.newShopper();
        user.api().get("/profile");

        ApiResponse stale = user.api().withHeader("If-Match", "\"5\"").put("/profile", update("Ada", newEmail(), List.of()));
        ApiResponse current = user.api().withHeader("If-Match", "\"1\"").put("/profile", update("Ada", newEmail(), List.of()));
        ApiResponse unquoted = user.api().withHeader("If-Match", "2").put("/profile", update("Ada", newEmail(), List.of()));

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(current.status()).isEqualTo(200);
        assertThat(unquoted.status()).isEqualTo(200);
        assertThat(unquoted.json().path("version").asLong()).isEqualTo(3);
    }

    @Test
    void emailOfAnotherProfileIs409InAnyCase() {
        TestUser owner = fixtures.shop.newShopper();
        TestUser other = fixtures.shop.newShopper();
        String email = newEmail();
        owner.api().put("/profile", update("Owner", email, List.of()));
        other.api().get("/profile");

        ApiResponse taken = other.api().put("/profile", update("Other", email.toUpperCase(), List.of()));
        ApiResponse tokenEmailOfOwner = other.api().put("/profile", update("Other", owner.username(), List.of()));

        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.contentType()).startsWith("application/problem+json");
        assertThat(tokenEmailOfOwner.status()).isEqualTo(200);
        assertThat(other.api().get("/profile").json().path("email").asText()).isEqualTo(owner.username());
    }

    @Test
    void changingEmailReleasesTheOldOne() {
        TestUser first = fixtures.shop.newShopper();
        TestUser second = fixtures.shop.newShopper();
        String oldEmail = newEmail();
        first.api().put("/profile", update("First", oldEmail, List.of()));
        first.api().put("/profile", update("First", newEmail(), List.of()));

        ApiResponse claimed = second.api().put("/profile", update("Second", oldEmail, List.of()));

        assertThat(claimed.status()).isEqualTo(200);
        assertThat(fixtures.storedItem(Keys.emailGuard(oldEmail)).get("userId").s()).isEqualTo(second.userId());
    }

    @Test
    void keepingTheSameEmailIsNotAConflictWithOneself() {
        TestUser user = fixtures.shop.newShopper();
        String email = newEmail();
        user.api().put("/profile", update("Ada", email, List.of()));

        ApiResponse again = user.api().put("/profile", update("Ada L.", email, List.of()));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("displayName").asText()).isEqualTo("Ada L.");
    }

    @Test
    void adminFindsAProfileByEmail() {
        TestUser user = fixtures.shop.newShopper();
        String email = newEmail();
        user.api().put("/profile", update("Ada", email, List.of()));
        TestUser admin = fixtures.shop.newAdmin();

        ApiResponse found = admin.api().get("/profile/admin?email=" + URLEncoder.encode(email.toUpperCase(), StandardCharsets.UTF_8));
        ApiResponse missing = admin.api().get("/profile/admin?email=" + URLEncoder.encode(newEmail(), StandardCharsets.UTF_8));

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().path("userId").asText()).isEqualTo(user.userId());
        assertThat(missing.status()).isEqualTo(404);
    }

    @Test
    void adminLookupNeedsAValidEmail() {
        TestUser admin = fixtures.shop.newAdmin();

        assertThat(admin.api().get("/profile/admin").status()).isEqualTo(400);
        ApiResponse invalid = admin.api().get("/profile/admin?email=nope");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().path("errors").get(0).path("field").asText()).isEqualTo("email");
    }

    @Test
    void shopperCannotLookUpProfiles() {
        assertThat(fixtures.shop.newShopper().api().get("/profile/admin?email=a%40b.org").status()).isEqualTo(403);
    }

    @Test
    void everyProfileRouteWithoutTokenIs401() {
        var anonymous = fixtures.shop.anonymous();

        assertThat(anonymous.get("/profile").status()).isEqualTo(401);
        assertThat(anonymous.put("/profile", update("Ada", newEmail(), List.of())).status()).isEqualTo(401);
        assertThat(anonymous.get("/profile/admin?email=a%40b.org").status()).isEqualTo(401);
    }
}
