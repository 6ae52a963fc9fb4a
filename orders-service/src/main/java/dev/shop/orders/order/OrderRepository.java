package dev.shop.orders.order;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.shop.common.paging.CursorCodec;
import dev.shop.common.paging.CursorScope;
import dev.shop.common.paging.IndexPages;
import dev.shop.common.paging.Page;
import dev.shop.common.paging.PageRequest;
import dev.shop.common.table.Keys;
import dev.shop.common.table.ShopTable;
import dev.shop.common.table.StockExpressions;
import dev.shop.common.table.TableName;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Orders on the single table. Reads and listings go through the Enhanced
 * Client; the status changes use the low-level client because they are
 * conditional update expressions ({@code SET available = available + :q},
 * {@code version = version + 1}) that the Enhanced Client cannot express,
 * and the cancel is a TransactWriteItems of such updates.
 */
@Singleton
class OrderRepository {

    private final DynamoDbClient client;
    private final DynamoDbTable<OrderItem> table;
    private final CursorCodec cursors;
    private final String tableName;

    OrderRepository(DynamoDbClient client, DynamoDbEnhancedClient enhancedClient, TableName tableName, CursorCodec cursors) {
        this.client = client;
        this.table = enhancedClient.table(tableName.value(), OrderItem.SCHEMA);
        this.cursors = cursors;
        this.tableName = tableName.value();
    }

    Optional<OrderItem> find(String orderId) {
        Keys.Key key = Keys.order(orderId);
        return Optional.ofNullable(table.getItem(r -> r.key(Key.builder().partitionValue(key.pk()).sortValue(key.sk()).build())
            .consistentRead(true)));
    }

    /** One user's orders, newest first: their GSI2 partition read descending. */
    Page<Order> ofUser(String userId, int limit, String cursor) {
        return newestFirst(ShopTable.GSI2, Keys.userOrders(userId), CursorScope.of("orders").with("user", userId), limit, cursor);
    }

    /** Every order in one status, newest first: the status's GSI1 partition read descending. */
    Page<Order> inStatus(OrderStatus status, int limit, String cursor) {
        return newestFirst(ShopTable.GSI1, Keys.ordersInStatus(status.name()), CursorScope.of("orders/admin").with("status", status),
            limit, cursor);
    }

    private Page<Order> newestFirst(ShopTable.Index index, String partition, CursorScope scope, int limit, String cursor) {
        PageRequest page = cursors.pageRequest(scope, limit, cursor);
        return IndexPages.query(table.index(index.name()), index, QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build()))
                .scanIndexForward(false),
            page, cursors).map(OrderItem::toOrder);
    }

    /**
     * Moves an order to {@code target} on the condition that it is still in
     * the status and version it was read in, so of two racing transitions
     * exactly one applies.
     *
     * @return the order as changed, or empty when it changed meanwhile (another writer won)
     */
    Optional<Order> changeStatus(OrderItem order, OrderStatus target, String now) {
        try {
            Map<String, AttributeValue> updated = client.updateItem(UpdateItemRequest.builder()
                .tableName(tableName)
                .key(Keys.order(order.id()).toAttributeMap())
                .updateExpression(STATUS_UPDATE)
                .conditionExpression(STATUS_CONDITION)
                .expressionAttributeNames(STATUS_NAMES)
                .expressionAttributeValues(statusValues(order, target, now))
                .returnValues(ReturnValue.ALL_NEW)
                .build()).attributes();
            return Optional.of(OrderItem.fromMap(updated).toOrder());
        } catch (ConditionalCheckFailedException | TransactionConflictException raced) {
            return Optional.empty();
        }
    }

    /**
     * Cancels an order and returns every line's units to its product in one
     * transaction, so stock and order never disagree. The product may have
     * been deleted since (it stays as a soft-deleted item): its stock still
     * comes back. The inventory index's sort key moves with {@code available}.
     *
     * @return the order as cancelled, or empty when it changed meanwhile (another writer won)
     */
    Optional<Order> cancel(OrderItem order, String now) {
        List<TransactWriteItem> actions = new ArrayList<>();
        actions.add(TransactWriteItem.builder().update(Update.builder()
            .tableName(tableName)
            .key(Keys.order(order.id()).toAttributeMap())
            .updateExpression(STATUS_UPDATE)
            .conditionExpression(STATUS_CONDITION)
            .expressionAttributeNames(STATUS_NAMES)
            .expressionAttributeValues(statusValues(order, OrderStatus.CANCELLED, now))
            .build()).build());
        for (OrderLine line : order.lines()) {
            actions.add(TransactWriteItem.builder().update(Update.builder()
                .tableName(tableName)
                .key(Keys.product(line.productId()).toAttributeMap())
                .updateExpression("SET " + StockExpressions.addToAvailable(":q"))
                .conditionExpression("attribute_exists(#pk)")
                .expressionAttributeNames(StockExpressions.namesWith(Map.of("#pk", ShopTable.PK)))
                .expressionAttributeValues(Map.of(":q", AttributeValue.fromN(Long.toString(line.quantity()))))
                .build()).build());
        }
        try {
            client.transactWriteItems(r -> r.transactItems(actions));
        } catch (TransactionCanceledException | TransactionConflictException raced) {
            return Optional.empty();
        }
        return Optional.of(OrderItem.fromMap(withStatus(order, OrderStatus.CANCELLED, now)).toOrder());
    }

    private static final String STATUS_UPDATE =
        "SET #status = :target, #statusListing = :targetListing, #updatedAt = :now, #version = #version + :one";
    private static final String STATUS_CONDITION = "#status = :current AND #version = :version";
    private static final Map<String, String> STATUS_NAMES = Map.of(
        "#status", OrderItem.STATUS,
        "#statusListing", ShopTable.GSI1.partitionKey(),
        "#updatedAt", OrderItem.UPDATED_AT,
        "#version", OrderItem.VERSION);

    private static Map<String, AttributeValue> statusValues(OrderItem order, OrderStatus target, String now) {
        return Map.of(
            ":target", AttributeValue.fromS(target.name()),
            ":targetListing", AttributeValue.fromS(Keys.ordersInStatus(target.name())),
            ":now", AttributeValue.fromS(now),
            ":one", AttributeValue.fromN("1"),
            ":current", AttributeValue.fromS(order.status().name()),
            ":version", AttributeValue.fromN(Long.toString(order.version())));
    }

    private static Map<String, AttributeValue> withStatus(OrderItem order, OrderStatus target, String now) {
        Map<String, AttributeValue> item = new HashMap<>(order.toMap());
        item.put(OrderItem.STATUS, AttributeValue.fromS(target.name()));
        item.put(ShopTable.GSI1.partitionKey(), AttributeValue.fromS(Keys.ordersInStatus(target.name())));
        item.put(OrderItem.UPDATED_AT, AttributeValue.fromS(now));
        item.put(OrderItem.VERSION, AttributeValue.fromN(Long.toString(order.version() + 1)));
        return item;
    }
}
