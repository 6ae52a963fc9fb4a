package dev.shop.common.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;

/**
 * Creates the single table and its indexes from {@link ShopTable}, for DynamoDB
 * Local, with its stream (new and old images) that the live events read.
 * Idempotent: an existing table is left as it is, except that one created
 * before the stream existed gains it. In AWS the CDK stack declares the same
 * table from the same definition.
 */
public final class TableProvisioner {

    private final DynamoDbClient client;

    public TableProvisioner(DynamoDbClient client) {
        this.client = client;
    }

    /** @return true when the table was created, false when it already existed */
    public boolean createIfMissing(String tableName) {
        if (exists(tableName)) {
            ensureStream(tableName);
            return false;
        }
        try {
            client.createTable(createRequest(tableName));
        } catch (ResourceInUseException alreadyCreated) {
            return false;
        }
        client.waiter().waitUntilTableExists(b -> b.tableName(tableName));
        client.updateTimeToLive(b -> b.tableName(tableName)
            .timeToLiveSpecification(TimeToLiveSpecification.builder()
                .attributeName(ShopTable.TTL).enabled(true).build()));
        return true;
    }

    private void ensureStream(String tableName) {
        StreamSpecification current = client.describeTable(b -> b.tableName(tableName)).table().streamSpecification();
        if (current == null || !Boolean.TRUE.equals(current.streamEnabled())) {
            client.updateTable(b -> b.tableName(tableName).streamSpecification(STREAM));
        }
    }

    private static final StreamSpecification STREAM = StreamSpecification.builder()
        .streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build();

    private boolean exists(String tableName) {
        try {
            client.describeTable(b -> b.tableName(tableName));
            return true;
        } catch (ResourceNotFoundException missing) {
            return false;
        }
    }

    static CreateTableRequest createRequest(String tableName) {
        Map<String, ScalarAttributeType> attributes = new LinkedHashMap<>();
        attributes.put(ShopTable.PK, ScalarAttributeType.S);
        attributes.put(ShopTable.SK, ScalarAttributeType.S);
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (ShopTable.Index index : ShopTable.INDEXES) {
            attributes.put(index.partitionKey(), ScalarAttributeType.S);
            List<KeySchemaElement> keySchema = new ArrayList<>();
            keySchema.add(key(index.partitionKey(), KeyType.HASH));
            index.sortKeyAttribute().ifPresent(sortKey -> {
                attributes.put(sortKey, ScalarAttributeType.fromValue(index.sortKeyType().code()));
                keySchema.add(key(sortKey, KeyType.RANGE));
            });
            indexes.add(GlobalSecondaryIndex.builder()
                .indexName(index.name())
                .keySchema(keySchema)
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                .build());
        }
        return CreateTableRequest.builder()
            .tableName(tableName)
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .keySchema(key(ShopTable.PK, KeyType.HASH), key(ShopTable.SK, KeyType.RANGE))
            .attributeDefinitions(attributes.entrySet().stream()
                .map(e -> AttributeDefinition.builder().attributeName(e.getKey()).attributeType(e.getValue()).build())
                .toList())
            .globalSecondaryIndexes(indexes)
            .streamSpecification(STREAM)
            .build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
