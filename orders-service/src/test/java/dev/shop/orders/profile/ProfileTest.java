package dev.shop.orders.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.shop.common.table.Keys;
import dev.shop.common.table.ShopTable;
import dev.shop.local.TestShop;
import dev.shop.local.TestShop.TestUser;
import dev.shop.local.client.ApiClient;
import dev.shop.local.client.ApiClient.ApiResponse;
import dev.shop.orders.ShopFixtures;
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
        String email = user.username();

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

        ApiResponse response = user.api().put("/profile", update("Grace", null, List.of()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("version").asLong()).isEqualTo(1);
        assertThat(response.json().path("email").asText()).isEqualTo(user.username());
    }

    @Test
    void invalidFieldsAre400NamingEachField() {
        TestUser user = fixtures.shop.newShopper();
        Map<String, Object> badAddress = new LinkedHashMap<>(ShopFixtures.address());
        badAddress.put("country", "gb");
        badAddress.remove("postalCode");

        ApiResponse response = user.api().put("/profile", update("", user.username(), List.of(badAddress)));

        assertThat(response.status()).isEqualTo(400);
        List<String> fields = response.json().path("errors").findValuesAsText("field");
        assertThat(fields).contains("displayName");
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

        ApiResponse longName = user.api().put("/profile", update("x".repeat(101), null, List.of()));
        ApiResponse tooMany = user.api().put("/profile", update("Ada", null, eleven));
        ApiResponse ten = user.api().put("/profile", update("x".repeat(100), null, eleven.subList(0, 10)));

        assertThat(longName.status()).isEqualTo(400);
        assertThat(longName.json().path("errors").get(0).path("field").asText()).isEqualTo("displayName");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().path("errors").get(0).path("field").asText()).isEqualTo("addresses");
        assertThat(ten.status()).isEqualTo(200);
    }

    @Test
    void anEmailThatIsNotTheAccountsIs400NamingItAndNothingChanges() {
        TestUser user = fixtures.shop.newShopper();
        String before = user.api().get("/profile").rawBody();

        for (String claimed : List.of(newEmail(), "ada@localhost", "not-an-email", "")) {
            ApiResponse response = user.api().put("/profile", update("Ada", claimed, List.of()));

            assertThat(response.status()).as(claimed).isEqualTo(400);
            assertThat(response.json().path("errors").findValuesAsText("field")).containsExactly("email");
        }
        assertThat(user.api().get("/profile").rawBody()).isEqualTo(before);
    }

    /** Real Cognito access tokens carry no email claim: the profile's email is what the identity provider says (GetUser). */
    @Test
    void theEmailIsTheAccountsVerifiedOneNotTheUsername() {
        String username = "shopper-" + UUID.randomUUID();
        String email = newEmail();
        fixtures.shop.identity().ensureUser(username, TestShop.PASSWORD, email, Set.of());
        ApiClient api = fixtures.shop.anonymous().withToken(fixtures.shop.identity().login(username, TestShop.PASSWORD).accessToken());

        ApiResponse created = api.get("/profile");
        ApiResponse roundTrip = api.put("/profile", update("Ada", email.toUpperCase(), List.of()));
        ApiResponse claimedUsername = api.put("/profile", update("Ada", username + "@example.org", List.of()));

        assertThat(created.json().path("email").asText()).isEqualTo(email);
        assertThat(roundTrip.status()).as("a GET-modify-PUT round trip").isEqualTo(200);
        assertThat(roundTrip.json().path("email").asText()).isEqualTo(email);
        assertThat(claimedUsername.status()).isEqualTo(400);
    }

    @Test
    void staleIfMatchIs412AndCurrentOneSucceeds() {
        TestUser user = fixtures.shop.newShopper();
        user.api().get("/profile");

        ApiResponse stale = user.api().withHeader("If-Match", "\"5\"").put("/profile", update("Ada", null, List.of()));
        ApiResponse current = user.api().withHeader("If-Match", "\"1\"").put("/profile", update("Ada", null, List.of()));
        ApiResponse unquoted = user.api().withHeader("If-Match", "2").put("/profile", update("Ada", null, List.of()));

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.json().path("currentVersion").asLong()).isEqualTo(1);
        assertThat(current.status()).isEqualTo(200);
        assertThat(unquoted.status()).isEqualTo(200);
        assertThat(unquoted.json().path("version").asLong()).isEqualTo(3);
    }

    /** Before emails were proven, this answered 409 and so told anyone which addresses had a profile. */
    @Test
    void anotherProfilesEmailIsRefusedExactlyAsAnUnusedOne() {
        TestUser owner = fixtures.shop.newShopper();
        TestUser other = fixtures.shop.newShopper();
        owner.api().get("/profile");
        other.api().get("/profile");

        ApiResponse taken = other.api().put("/profile", update("Other", owner.username().toUpperCase(), List.of()));
        ApiResponse unused = other.api().put("/profile", update("Other", newEmail(), List.of()));

        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.rawBody()).isEqualTo(unused.rawBody());
        assertThat(other.api().get("/profile").json().path("email").asText()).isEqualTo(other.username());
        assertThat(fixtures.storedItem(Keys.emailGuard(owner.username())).get("userId").s()).isEqualTo(owner.userId());
    }

    @Test
    void keepingTheSameEmailIsNotAConflictWithOneself() {
        TestUser user = fixtures.shop.newShopper();
        String email = user.username();
        user.api().put("/profile", update("Ada", email, List.of()));

        ApiResponse again = user.api().put("/profile", update("Ada L.", email, List.of()));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("displayName").asText()).isEqualTo("Ada L.");
    }

    @Test
    void adminFindsAProfileByEmail() {
        TestUser user = fixtures.shop.newShopper();
        String email = user.username();
        user.api().get("/profile");
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
