package dev.shop.orders.live;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import dev.shop.common.live.LiveApi;
import dev.shop.common.table.Keys;
import dev.shop.common.table.ShopTable;
import dev.shop.common.table.TableName;
import dev.shop.common.time.Timestamps;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The consumer's idempotency: before a stream record's event is pushed, a
 * marker keyed by the record's {@code eventID} is put on the condition that
 * none exists. A redelivered record (a retried batch, a bisected half, a
 * second poller) finds the marker and pushes nothing. Markers expire by TTL
 * after the stream's own retention, when no redelivery can come.
 */
@Singleton
class DeliveryMarkers {

    private final DynamoDbClient client;
    private final String tableName;
    private final Clock clock;

    DeliveryMarkers(DynamoDbClient client, TableName tableName, Clock clock) {
        this.client = client;
        this.tableName = tableName.value();
        this.clock = clock;
    }

    /** @return true when this call claimed the record, false when it was delivered before */
    boolean claim(String streamEventId) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.streamDelivery(streamEventId).toAttributeMap());
        item.put("deliveredAt", AttributeValue.fromS(Timestamps.now(clock)));
        item.put(ShopTable.TTL, AttributeValue.fromN(Long.toString(
            clock.instant().plus(LiveApi.DELIVERY_MARKER_TTL).getEpochSecond())));
        try {
            client.putItem(b -> b.tableName(tableName).item(item)
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", ShopTable.PK)));
            return true;
        } catch (ConditionalCheckFailedException delivered) {
            return false;
        }
    }
}
