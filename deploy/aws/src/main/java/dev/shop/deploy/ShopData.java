package dev.shop.deploy;

import dev.shop.common.table.ShopTable;
import java.util.List;

import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.Billing;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexPropsV2;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.ReplicaTableProps;
import software.amazon.awscdk.services.dynamodb.StreamViewType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableV2;
import software.constructs.Construct;

/**
 * The single table, declared from {@link ShopTable} so that its keys and
 * indexes are the ones the services and the local stack use.
 *
 * <p>On-demand billing: a shop's traffic is spiky and an idle table then costs
 * only its storage. The stream (new and old images) is there for whatever
 * reacts to orders later; point-in-time recovery because this table is the
 * shop's only copy of its data.
 *
 * <p>With replica regions ({@code shop:replicaRegions}) the same table is a
 * global table ({@link TableV2}, {@code AWS::DynamoDB::GlobalTable}) with a
 * replica in each of them; docs/deploy.md ("Global tables") says what that
 * changes for checkout's conditions. Without them it stays the plain
 * {@code AWS::DynamoDB::Table} it always was, so an existing stack is not
 * replaced.
 */
final class ShopData extends Construct {

    private final ITable table;

    ShopData(Construct scope, String id, Tier tier, List<String> replicaRegions) {
        super(scope, id);
        table = replicaRegions.isEmpty() ? oneRegion(tier) : global(tier, replicaRegions);
    }

    private Table oneRegion(Tier tier) {
        Table single = Table.Builder.create(this, "Table")
            .partitionKey(stringAttribute(ShopTable.PK))
            .sortKey(stringAttribute(ShopTable.SK))
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .timeToLiveAttribute(ShopTable.TTL)
            .stream(StreamViewType.NEW_AND_OLD_IMAGES)
            .pointInTimeRecoverySpecification(pointInTimeRecovery())
            .removalPolicy(tier.removalPolicy())
            .deletionProtection(tier.deletionProtection())
            .build();
        for (ShopTable.Index index : ShopTable.INDEXES) {
            GlobalSecondaryIndexProps.Builder gsi = GlobalSecondaryIndexProps.builder()
                .indexName(index.name())
                .partitionKey(stringAttribute(index.partitionKey()))
                .projectionType(ProjectionType.ALL);
            index.sortKeyAttribute().ifPresent(sortKey -> gsi.sortKey(sortKeyAttribute(index, sortKey)));
            single.addGlobalSecondaryIndex(gsi.build());
        }
        return single;
    }

    /** The same keys, indexes, TTL, stream and protection, replicated; every replica keeps its own stream and PITR. */
    private TableV2 global(Tier tier, List<String> replicaRegions) {
        List<GlobalSecondaryIndexPropsV2> indexes = ShopTable.INDEXES.stream().map(index -> {
            GlobalSecondaryIndexPropsV2.Builder gsi = GlobalSecondaryIndexPropsV2.builder()
                .indexName(index.name())
                .partitionKey(stringAttribute(index.partitionKey()))
                .projectionType(ProjectionType.ALL);
            index.sortKeyAttribute().ifPresent(sortKey -> gsi.sortKey(sortKeyAttribute(index, sortKey)));
            return gsi.build();
        }).toList();
        return TableV2.Builder.create(this, "GlobalTable")
            .partitionKey(stringAttribute(ShopTable.PK))
            .sortKey(stringAttribute(ShopTable.SK))
            .billing(Billing.onDemand())
            .timeToLiveAttribute(ShopTable.TTL)
            .dynamoStream(StreamViewType.NEW_AND_OLD_IMAGES)
            .pointInTimeRecoverySpecification(pointInTimeRecovery())
            .removalPolicy(tier.removalPolicy())
            .deletionProtection(tier.deletionProtection())
            .globalSecondaryIndexes(indexes)
            .replicas(replicaRegions.stream()
                .map(region -> ReplicaTableProps.builder().region(region).build())
                .toList())
            .build();
    }

    ITable table() {
        return table;
    }

    private static PointInTimeRecoverySpecification pointInTimeRecovery() {
        return PointInTimeRecoverySpecification.builder().pointInTimeRecoveryEnabled(true).build();
    }

    private static Attribute sortKeyAttribute(ShopTable.Index index, String name) {
        return Attribute.builder().name(name).type(attributeType(index.sortKeyType())).build();
    }

    private static Attribute stringAttribute(String name) {
        return Attribute.builder().name(name).type(AttributeType.STRING).build();
    }

    private static AttributeType attributeType(ShopTable.KeyType type) {
        return switch (type) {
            case STRING -> AttributeType.STRING;
            case NUMBER -> AttributeType.NUMBER;
        };
    }
}
