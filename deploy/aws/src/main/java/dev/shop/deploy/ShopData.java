package dev.shop.deploy;

import dev.shop.common.table.ShopTable;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.StreamViewType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.constructs.Construct;

/**
 * The single table, declared from {@link ShopTable} so that its keys and
 * indexes are the ones the services and the local stack use.
 *
 * <p>On-demand billing: a shop's traffic is spiky and an idle table then costs
 * only its storage. The stream (new and old images) is there for whatever
 * reacts to orders later; point-in-time recovery because this table is the
 * shop's only copy of its data.
 */
final class ShopData extends Construct {

    private final Table table;

    ShopData(Construct scope, String id, Tier tier) {
        super(scope, id);
        table = Table.Builder.create(this, "Table")
            .partitionKey(stringAttribute(ShopTable.PK))
            .sortKey(stringAttribute(ShopTable.SK))
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .timeToLiveAttribute(ShopTable.TTL)
            .stream(StreamViewType.NEW_AND_OLD_IMAGES)
            .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                .pointInTimeRecoveryEnabled(true)
                .build())
            .removalPolicy(tier.removalPolicy())
            .deletionProtection(tier.deletionProtection())
            .build();
        for (ShopTable.Index index : ShopTable.INDEXES) {
            GlobalSecondaryIndexProps.Builder gsi = GlobalSecondaryIndexProps.builder()
                .indexName(index.name())
                .partitionKey(stringAttribute(index.partitionKey()))
                .projectionType(ProjectionType.ALL);
            index.sortKeyAttribute().ifPresent(sortKey -> gsi.sortKey(Attribute.builder()
                .name(sortKey)
                .type(attributeType(index.sortKeyType()))
                .build()));
            table.addGlobalSecondaryIndex(gsi.build());
        }
    }

    Table table() {
        return table;
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
