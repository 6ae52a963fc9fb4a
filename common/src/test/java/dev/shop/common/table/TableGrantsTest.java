package dev.shop.common.table;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.shop.common.routes.Service;

class TableGrantsTest {

    @Test
    void leadingKeyPatternsAreTheKeysOfKeysWithAWildcardForTheirVariableParts() {
        TableGrants.Grant orders = TableGrants.of(Service.ORDERS).get(0);

        assertThat(orders.index()).isEmpty();
        assertThat(orders.leadingKeys()).contains("ORDER#*", "IDEMPOTENCY#*#*", "PROFILE#*", "EMAIL#*", "CART#*", "PRODUCT#*");
        assertThat(orders.allowsPartition(Keys.idempotency("user-1", "key-1").pk())).isTrue();
        assertThat(orders.allowsPartition(Keys.skuGuard("SKU-1").pk())).isFalse();
        assertThat(orders.allowsPartition(Keys.CATEGORIES_PARTITION)).isFalse();
    }

    @Test
    void stringLikeTreatsOnlyStarAndQuestionMarkAsWildcards() {
        assertThat(TableGrants.likeMatches("USER#*#ORDERS", "USER#abc#ORDERS")).isTrue();
        assertThat(TableGrants.likeMatches("USER#*#ORDERS", "USER#abc#ORDERS#x")).isFalse();
        assertThat(TableGrants.likeMatches("CART#*", "CARTS")).isFalse();
        assertThat(TableGrants.likeMatches("A.B", "AxB")).isFalse();
        assertThat(TableGrants.likeMatches("CARTS", "CARTS")).isTrue();
    }

    @Test
    void noServiceMayScanOrUseAnUnconditionedTable() {
        for (Service service : Service.values()) {
            assertThat(TableGrants.of(service)).filteredOn(grant -> grant.index().isEmpty()).singleElement()
                .satisfies(table -> assertThat(table.leadingKeys()).isNotEmpty());
            assertThat(TableGrants.of(service)).filteredOn(grant -> grant.index().isPresent())
                .allSatisfy(grant -> assertThat(grant.actions()).containsExactly(TableGrants.Action.Query));
        }
    }
}
