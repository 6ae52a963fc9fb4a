package dev.shop.common.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class PathIdsTest {

    @Test
    void everyPathParameterOfEveryRouteHasAnIdFormat() {
        for (Route route : Routes.ALL) {
            route.match(route.path()).orElseThrow().keySet().forEach(parameter ->
                assertThat(PathIds.of(route, parameter)).as(route.routeKey() + " {" + parameter + "}").isPresent());
        }
    }

    @Test
    void productIdsAreTheUuidsCatalogIssues() {
        assertThat(PathIds.PRODUCT.isWellFormed(UUID.randomUUID().toString())).isTrue();
        assertThat(PathIds.PRODUCT.isWellFormed(UUID.randomUUID().toString().toUpperCase())).isFalse();
        assertThat(PathIds.PRODUCT.isWellFormed("A".repeat(2_100))).isFalse();
        assertThat(PathIds.PRODUCT.isWellFormed(null)).isFalse();
    }

    @Test
    void orderIdsAreUlids() {
        assertThat(PathIds.ORDER.isWellFormed("01JABCDEFGHJKMNPQRSTVWXYZ0")).isTrue();
        assertThat(PathIds.ORDER.isWellFormed("01JABCDEFGHJKMNPQRSTVWXYZU")).as("U is not Crockford base32").isFalse();
        assertThat(PathIds.ORDER.isWellFormed("01jabcdefghjkmnpqrstvwxyz0")).isFalse();
        assertThat(PathIds.ORDER.isWellFormed("€".repeat(26))).isFalse();
    }
}
