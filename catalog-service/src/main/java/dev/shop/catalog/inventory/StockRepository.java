package dev.shop.catalog.inventory;

import static dev.shop.common.table.ProductAttributes.AVAILABLE;
import static dev.shop.common.table.ProductAttributes.DELETED_AT;
import static dev.shop.common.table.ProductAttributes.UPDATED_AT;

import java.time.Clock;
import java.util.Map;

import dev.shop.common.paging.CursorCodec;
import dev.shop.common.paging.CursorScope;
import dev.shop.common.paging.IndexPages;
import dev.shop.common.paging.Page;
import dev.shop.common.paging.PageRequest;
import dev.shop.common.retry.Backoff;
import dev.shop.common.table.Keys;
import dev.shop.common.table.ShopTable;
import dev.shop.common.table.StockExpressions;
import dev.shop.common.table.TableName;
import dev.shop.common.time.Timestamps;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Stock on the product item. Each change is ONE conditional UpdateItem, never
 * a read-then-write: DynamoDB applies the arithmetic and the condition
 * atomically, so concurrent adjustments and checkouts cannot oversell. These
 * are low-level updates because the Enhanced Client cannot express
 * {@code SET available = available + :delta}. {@code inventorySK} is written
 * in the same update, so the inventory index always shows the current stock.
 */
@Singleton
class StockRepository {

    private static final int MAX_CONFLICT_TRIES = 10;

    private final DynamoDbClient client;
    private final DynamoDbTable<InventoryEntry> table;
    private final String tableName;
    private final CursorCodec cursors;
    private final Clock clock;

    StockRepository(DynamoDbClient client, DynamoDbEnhancedClient enhancedClient, TableName tableName, CursorCodec cursors,
                    Clock clock) {
        this.clock = clock;
        this.client = client;
        this.table = enhancedClient.table(tableName.value(), InventoryEntry.SCHEMA);
        this.tableName = tableName.value();
        this.cursors = cursors;
    }

    /** Sets the stock of a live product to {@code units}. */
    StockOutcome set(String productId, long units) {
        AttributeValue value = AttributeValue.fromN(Long.toString(units));
        return update(productId, 0, "SET " + StockExpressions.setAvailable(":units") + ", #updatedAt = :now",
            "attribute_exists(#pk) AND attribute_not_exists(#deletedAt)",
            Map.of(":units", value, ":now", now()));
    }

    /**
     * Adds {@code delta} (negative to take units away) unless the result would
     * be below zero: the condition {@code available >= -delta} is checked by
     * DynamoDB against the value it is about to change.
     */
    StockOutcome adjust(String productId, long delta) {
        return update(productId, delta,
            "SET " + StockExpressions.addToAvailable(":delta") + ", #updatedAt = :now",
            "attribute_exists(#pk) AND attribute_not_exists(#deletedAt) AND #available >= :floor",
            Map.of(":delta", AttributeValue.fromN(Long.toString(delta)),
                ":floor", AttributeValue.fromN(Long.toString(-delta)),
                ":now", now()));
    }

    /** Live products with at most {@code threshold} units, fewest first: a Query on the sparse inventory index. */
    Page<InventoryEntry> lowStock(long threshold, int limit, @Nullable String cursor) {
        PageRequest request = cursors.pageRequest(CursorScope.of("catalog/admin/low-stock").with("threshold", threshold),
            limit, cursor);
        QueryConditional atMost = QueryConditional.sortLessThanOrEqualTo(
            Key.builder().partitionValue(Keys.INVENTORY_PARTITION).sortValue(threshold).build());
        return IndexPages.query(table.index(ShopTable.INVENTORY.name()), ShopTable.INVENTORY,
            atMost, request, cursors);
    }

    private StockOutcome update(String productId, long delta, String updateExpression, String condition,
                                Map<String, AttributeValue> values) {
        UpdateItemRequest request = UpdateItemRequest.builder()
            .tableName(tableName)
            .key(Keys.product(productId).toAttributeMap())
            .updateExpression(updateExpression)
            .conditionExpression(condition)
            .expressionAttributeNames(StockExpressions.namesWith(Map.of("#pk", ShopTable.PK, "#deletedAt", DELETED_AT,
                "#updatedAt", UPDATED_AT)))
            .expressionAttributeValues(values)
            .returnValues(ReturnValue.ALL_NEW)
            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
            .build();
        for (int attempt = 1; ; attempt++) {
            try {
                Map<String, AttributeValue> stored = client.updateItem(request).attributes();
                return new StockOutcome.Stocked(new StockLevel(productId, Long.parseLong(stored.get(AVAILABLE).n())));
            } catch (ConditionalCheckFailedException refused) {
                return refusal(productId, delta, refused.hasItem() ? refused.item() : readRaw(productId));
            } catch (TransactionConflictException conflict) {
                // a product edit's transaction holds the item for a moment; the update has not happened
                if (attempt == MAX_CONFLICT_TRIES) {
                    return new StockOutcome.Contended(productId);
                }
                Backoff.pause(attempt);
            }
        }
    }

    /** Why the condition failed: the product is gone (or never was), or there are too few units. */
    private static StockOutcome refusal(String productId, long delta, Map<String, AttributeValue> old) {
        if (old == null || old.isEmpty() || old.containsKey(DELETED_AT)) {
            return new StockOutcome.NotFound(productId);
        }
        return new StockOutcome.Insufficient(productId, Long.parseLong(old.get(AVAILABLE).n()), delta);
    }

    private Map<String, AttributeValue> readRaw(String productId) {
        return client.getItem(b -> b.tableName(tableName).key(Keys.product(productId).toAttributeMap()).consistentRead(true)).item();
    }

    private AttributeValue now() {
        return AttributeValue.fromS(Timestamps.now(clock));
    }
}
