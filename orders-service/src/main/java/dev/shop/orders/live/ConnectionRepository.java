package dev.shop.orders.live;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.shop.common.live.LiveApi;
import dev.shop.common.table.Keys;
import dev.shop.common.table.ShopTable;
import dev.shop.common.table.TableName;
import dev.shop.common.time.Timestamps;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * WebSocket connections as items of the one table: keyed by user
 * ({@code USER#<sub>#CONNECTIONS}, {@code CONNECTION#<id>}), so a user's
 * connections are one Query; an admin's connection also carries a GSI1 entry
 * in {@code CONNECTIONS#ADMIN}, so all admins' connections are one Query on
 * the index. Never a Scan. Each item expires by TTL after API Gateway's
 * two-hour connection limit, in case a {@code $disconnect} was lost.
 */
@Singleton
class ConnectionRepository {

    static final String CONNECTION_ID = "connectionId";
    static final String USER_ID = "userId";
    static final String ADMIN = "admin";
    static final String CONNECTED_AT = "connectedAt";

    private final DynamoDbClient client;
    private final String tableName;
    private final Clock clock;

    ConnectionRepository(DynamoDbClient client, TableName tableName, Clock clock) {
        this.client = client;
        this.tableName = tableName.value();
        this.clock = clock;
    }

    void save(LiveConnection connection, boolean admin) {
        Instant now = clock.instant();
        Map<String, AttributeValue> item = new HashMap<>(Keys.liveConnection(connection.userId(), connection.connectionId()).toAttributeMap());
        item.put(CONNECTION_ID, AttributeValue.fromS(connection.connectionId()));
        item.put(USER_ID, AttributeValue.fromS(connection.userId()));
        item.put(ADMIN, AttributeValue.fromBool(admin));
        item.put(CONNECTED_AT, AttributeValue.fromS(Timestamps.format(now)));
        item.put(ShopTable.TTL, AttributeValue.fromN(Long.toString(now.plus(LiveApi.CONNECTION_TTL).getEpochSecond())));
        if (admin) {
            item.put(ShopTable.GSI1.partitionKey(), AttributeValue.fromS(Keys.ADMIN_CONNECTIONS));
            item.put(ShopTable.GSI1.sortKey(), AttributeValue.fromS(connection.connectionId()));
        }
        client.putItem(b -> b.tableName(tableName).item(item));
    }

    void delete(LiveConnection connection) {
        client.deleteItem(b -> b.tableName(tableName)
            .key(Keys.liveConnection(connection.userId(), connection.connectionId()).toAttributeMap()));
    }

    /** The user's open connections: one partition, read consistently so a fresh connection is not missed. */
    List<LiveConnection> ofUser(String userId) {
        return query(QueryRequest.builder().tableName(tableName)
            .keyConditionExpression("#pk = :pk")
            .expressionAttributeNames(Map.of("#pk", ShopTable.PK))
            .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.liveConnections(userId))))
            .consistentRead(true)
            .build());
    }

    /** Every admin's open connection, from the sparse GSI1 partition. */
    List<LiveConnection> ofAdmins() {
        return query(QueryRequest.builder().tableName(tableName)
            .indexName(ShopTable.GSI1.name())
            .keyConditionExpression("#pk = :pk")
            .expressionAttributeNames(Map.of("#pk", ShopTable.GSI1.partitionKey()))
            .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.ADMIN_CONNECTIONS)))
            .build());
    }

    private List<LiveConnection> query(QueryRequest first) {
        List<LiveConnection> connections = new ArrayList<>();
        QueryRequest request = first;
        while (true) {
            QueryResponse page = client.query(request);
            long now = clock.instant().getEpochSecond();
            for (Map<String, AttributeValue> item : page.items()) {
                // TTL deletes lazily: an expired item may still be read, and is no connection
                AttributeValue expires = item.get(ShopTable.TTL);
                if (expires == null || Long.parseLong(expires.n()) > now) {
                    connections.add(new LiveConnection(item.get(USER_ID).s(), item.get(CONNECTION_ID).s()));
                }
            }
            if (!page.hasLastEvaluatedKey() || page.lastEvaluatedKey().isEmpty()) {
                return connections;
            }
            request = request.toBuilder().exclusiveStartKey(page.lastEvaluatedKey()).build();
        }
    }
}
