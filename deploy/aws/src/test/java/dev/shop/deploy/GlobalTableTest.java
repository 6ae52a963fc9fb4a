package dev.shop.deploy;

import static dev.shop.deploy.SynthesizedShop.at;
import static dev.shop.deploy.SynthesizedShop.getAtt;
import static dev.shop.deploy.SynthesizedShop.ref;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.shop.common.table.ShopTable;

/**
 * {@code shop:replicaRegions} turns the one table into a global table with a replica in each named region, with
 * the same keys, indexes, TTL and stream, and the functions pointed at it. The template of the default (one-region)
 * shop is read by {@link ShopStackTest}.
 */
class GlobalTableTest {

    private static final String REGION = "eu-central-1";

    private static SynthesizedShop shop;

    @BeforeAll
    static void synthesize() {
        shop = SynthesizedShop.synthesize(Map.of(
            StackSettings.REGION, REGION,
            StackSettings.REPLICA_REGIONS, "eu-west-1,us-east-1"));
    }

    @Test
    void replicaRegionsMakeOneGlobalTableAndNoRegionalTable() {
        assertThat(shop.resources("AWS::DynamoDB::Table")).isEmpty();
        assertThat(shop.resources("AWS::DynamoDB::GlobalTable")).hasSize(1);
    }

    @Test
    void theStacksRegionAndEveryReplicaRegionHoldAReplicaWithPointInTimeRecoveryAndDeletionProtection() {
        List<Map<String, Object>> replicas = at(shop.only("AWS::DynamoDB::GlobalTable"), "Replicas");

        assertThat(replicas).extracting(replica -> replica.get("Region"))
            .containsExactlyInAnyOrder(REGION, "eu-west-1", "us-east-1");
        assertThat(replicas).allSatisfy(replica -> {
            assertThat((Object) at(replica, "PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled")).isEqualTo(true);
            assertThat((Object) at(replica, "DeletionProtectionEnabled")).isEqualTo(true);
        });
    }

    @Test
    void theGlobalTableHasTheKeysTtlStreamAndIndexesOfShopTableOnDemand() {
        Map<String, Object> table = shop.only("AWS::DynamoDB::GlobalTable");

        // Replication is built on the stream: every replica has one, with both images.
        ShopStackTest.assertKeysBillingTtlAndStream(table);
        List<Map<String, Object>> indexes = at(table, "GlobalSecondaryIndexes");
        assertThat(indexes).extracting(index -> index.get("IndexName"))
            .containsExactlyInAnyOrderElementsOf(ShopTable.INDEXES.stream().map(ShopTable.Index::name).toList());
        assertThat(indexes).allSatisfy(index ->
            assertThat((Object) at(index, "Projection", "ProjectionType")).isEqualTo("ALL"));
    }

    @Test
    void productionRetainsTheGlobalTable() {
        Map<String, Object> table = shop.resources("AWS::DynamoDB::GlobalTable").values().iterator().next();

        assertThat(table).containsEntry("DeletionPolicy", "Retain");
    }

    @Test
    void theFunctionsUseTheGlobalTableAndMayReachOnlyItAndItsIndexes() {
        String table = shop.onlyId("AWS::DynamoDB::GlobalTable");

        for (Map<String, Object> function : shop.resources("AWS::Lambda::Function").values()) {
            assertThat((Object) at(function, "Properties", "Environment", "Variables", "SHOP_TABLE_NAME")).isEqualTo(ref(table));
        }
        for (Map<String, Object> policy : shop.resources("AWS::IAM::Policy").values()) {
            List<Map<String, Object>> statements = at(policy, "Properties", "PolicyDocument", "Statement");
            statements.stream()
                .filter(statement -> statement.get("Action").toString().contains("dynamodb:"))
                .forEach(statement -> assertThat(statement.get("Resource").toString())
                    .as("a table grant names the global table or one of its indexes")
                    .startsWith("{Fn::").contains(table));
        }
    }
}
