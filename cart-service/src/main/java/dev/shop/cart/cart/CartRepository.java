package dev.shop.cart.cart;

import static dev.shop.common.table.CartAttributes.ITEM_COUNT;
import static dev.shop.common.table.CartAttributes.LINE_COUNT;
import static dev.shop.common.table.CartAttributes.SUBTOTAL_CENTS;
import static dev.shop.common.table.CartAttributes.UPDATED_AT;
import static dev.shop.common.table.CartAttributes.USER_ID;
import static dev.shop.common.table.CartAttributes.VERSION;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.shop.common.paging.CursorCodec;
import dev.shop.common.paging.IndexPages;
import dev.shop.common.paging.Page;
import dev.shop.common.paging.PageRequest;
import dev.shop.common.table.CartLimits;
import dev.shop.common.table.Keys;
import dev.shop.common.table.ProductSnapshot;
import dev.shop.common.table.ShopTable;
import dev.shop.common.table.TableName;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchGetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * A cart on the single table: one item per line plus one summary item, all in
 * the user's partition (docs/data-model.md, "Cart access patterns").
 *
 * <p>Reads of whole items go through the Enhanced Client's static schemas.
 * Writes use the low-level client because every cart write is a
 * TransactWriteItems whose summary update is arithmetic ({@code ADD lineCount
 * :delta}) under a condition ({@code lineCount < :max}), which the Enhanced
 * Client's transactional update cannot express.
 */
@Singleton
class CartRepository {

    private static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";
    private static final String TRANSACTION_CONFLICT = "TransactionConflict";
    private static final int MAX_TRANSACTION_ACTIONS = 100;

    private final DynamoDbClient client;
    private final DynamoDbEnhancedClient enhancedClient;
    private final DynamoDbTable<ProductSnapshot> products;
    private final DynamoDbIndex<SummaryItem> cartsIndex;
    private final CursorCodec cursors;
    private final String tableName;

    CartRepository(DynamoDbClient client, DynamoDbEnhancedClient enhancedClient, TableName tableName, CursorCodec cursors) {
        this.client = client;
        this.cursors = cursors;
        this.enhancedClient = enhancedClient;
        this.tableName = tableName.value();
        this.products = enhancedClient.table(this.tableName, ProductSnapshot.SCHEMA);
        this.cartsIndex = enhancedClient.table(this.tableName, SummaryItem.SCHEMA).index(ShopTable.CARTS.name());
    }

    /** The items of one cart as read together. */
    record CartState(Optional<SummaryItem> summary, List<LineItem> lines) {

        boolean isEmpty() {
            return summary.isEmpty() && lines.isEmpty();
        }

        /** A cart whose summary is gone or past its expiry, though DynamoDB TTL has not removed every item yet. */
        boolean isExpiredAt(long epochSecond) {
            return summary.map(s -> s.isExpiredAt(epochSecond)).orElse(!lines.isEmpty());
        }
    }

    /** What a quantity change needs to know, read in one BatchGetItem. */
    record ChangeContext(Optional<ProductSnapshot> product, Optional<LineItem> line, Optional<SummaryItem> summary) {
    }

    /** The time of a write: the new {@code updatedAt} and the expiries it sets. */
    record Stamp(String at, long cartExpiresAt, long lineExpiresAt) {
    }

    /** How a cart write ended. */
    enum WriteResult {
        WRITTEN,
        /** A line changed since it was read, or another transaction held an item: read again and retry. */
        RETRY,
        /** The summary refused a new line: the cart already holds the maximum of distinct products. */
        CART_FULL
    }

    /** The summary and every line of the cart: one strongly consistent Query of the user's partition. */
    CartState load(String userId) {
        String summarySortKey = Keys.cartSummary(userId).sk();
        SummaryItem summary = null;
        List<LineItem> lines = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            Map<String, AttributeValue> exclusiveStart = startKey;
            // low-level Query: one request returns both item kinds, each mapped by its own schema
            QueryResponse page = client.query(q -> q.tableName(tableName)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", ShopTable.PK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.cartPartition(userId))))
                .consistentRead(true)
                .exclusiveStartKey(exclusiveStart));
            for (Map<String, AttributeValue> item : page.items()) {
                String sortKey = item.get(ShopTable.SK).s();
                if (sortKey.equals(summarySortKey)) {
                    summary = SummaryItem.SCHEMA.mapToItem(item);
                } else if (sortKey.startsWith(Keys.CART_LINE_PREFIX)) {
                    lines.add(LineItem.SCHEMA.mapToItem(item));
                }
            }
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return new CartState(Optional.ofNullable(summary), lines);
    }

    /** Products by id, as stored (deleted ones included, absent ones missing): BatchGetItem, 100 keys a request. */
    Map<String, ProductSnapshot> products(Collection<String> productIds) {
        Map<String, ProductSnapshot> found = new HashMap<>();
        List<String> ids = List.copyOf(productIds);
        for (int from = 0; from < ids.size(); from += 100) {
            ReadBatch.Builder<ProductSnapshot> batch = ReadBatch.builder(ProductSnapshot.class).mappedTableResource(products);
            for (String id : ids.subList(from, Math.min(ids.size(), from + 100))) {
                batch.addGetItem(key(Keys.product(id)));
            }
            // the result pages re-request unprocessed keys until none are left
            enhancedClient.batchGetItem(BatchGetItemEnhancedRequest.builder().readBatches(batch.build()).build())
                .resultsForTable(products)
                .forEach(product -> found.put(product.id(), product));
        }
        return found;
    }

    /** The product, the line and the summary in one strongly consistent BatchGetItem. */
    ChangeContext readForChange(String userId, String productId) {
        Keys.Key productKey = Keys.product(productId);
        Keys.Key lineKey = Keys.cartLine(userId, productId);
        Keys.Key summaryKey = Keys.cartSummary(userId);
        Map<Keys.Key, Map<String, AttributeValue>> items = new HashMap<>();
        List<Map<String, AttributeValue>> pending = List.of(productKey.toAttributeMap(), lineKey.toAttributeMap(),
            summaryKey.toAttributeMap());
        while (!pending.isEmpty()) {
            List<Map<String, AttributeValue>> keys = pending;
            BatchGetItemResponse response = client.batchGetItem(b -> b.requestItems(Map.of(tableName,
                KeysAndAttributes.builder().keys(keys).consistentRead(true).build())));
            for (Map<String, AttributeValue> item : response.responses().getOrDefault(tableName, List.of())) {
                items.put(new Keys.Key(item.get(ShopTable.PK).s(), item.get(ShopTable.SK).s()), item);
            }
            KeysAndAttributes unprocessed = response.unprocessedKeys().get(tableName);
            pending = unprocessed == null ? List.of() : unprocessed.keys();
        }
        return new ChangeContext(
            Optional.ofNullable(items.get(productKey)).map(ProductSnapshot.SCHEMA::mapToItem),
            Optional.ofNullable(items.get(lineKey)).map(LineItem.SCHEMA::mapToItem),
            Optional.ofNullable(items.get(summaryKey)).map(SummaryItem.SCHEMA::mapToItem));
    }

    /**
     * Sets one line to {@code quantity} (0 deletes it) in one transaction with
     * the summary: the line write is conditional on the version read (or on its
     * absence), the summary moves {@code updatedAt}, the expiry and the
     * carts-index entry, adjusts the counters by the difference and, for a new
     * line, refuses one beyond {@link CartLimits#MAX_CART_LINES}.
     */
    WriteResult setLine(String userId, String productId, @Nullable LineItem current, int quantity, long unitPriceCents,
                        Stamp stamp) {
        Keys.Key lineKey = Keys.cartLine(userId, productId);
        TransactWriteItem lineWrite;
        if (quantity > 0) {
            LineItem next = new LineItem();
            next.pk = lineKey.pk();
            next.sk = lineKey.sk();
            next.productId = productId;
            next.quantity = quantity;
            next.unitPriceCents = unitPriceCents;
            next.addedAt = current == null ? stamp.at() : current.addedAt;
            next.updatedAt = stamp.at();
            next.version = current == null ? 1 : current.version() + 1;
            next.expiresAt = stamp.lineExpiresAt();
            Put.Builder put = Put.builder().tableName(tableName).item(LineItem.SCHEMA.itemToMap(next, true));
            lineWrite = TransactWriteItem.builder().put(current == null
                ? put.conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", ShopTable.PK)).build()
                : put.conditionExpression("#version = :seen").expressionAttributeNames(Map.of("#version", VERSION))
                    .expressionAttributeValues(Map.of(":seen", number(current.version()))).build()).build();
        } else {
            if (current == null) {
                throw new IllegalArgumentException("Removing a line that is not there writes nothing");
            }
            lineWrite = TransactWriteItem.builder().delete(versionedDelete(lineKey, current)).build();
        }

        boolean newLine = current == null;
        int lineDelta = quantity == 0 ? -1 : newLine ? 1 : 0;
        long itemDelta = quantity - (current == null ? 0 : current.quantity());
        long subtotalDelta = quantity * unitPriceCents - (current == null ? 0 : current.quantity() * current.unitPriceCents());

        Map<String, String> names = new HashMap<>(Map.of(
            "#user", USER_ID, "#updatedAt", UPDATED_AT, "#ttl", ShopTable.TTL,
            "#cartsPk", ShopTable.CARTS.partitionKey(), "#cartsSk", ShopTable.CARTS.sortKey(),
            "#lineCount", LINE_COUNT, "#itemCount", ITEM_COUNT, "#subtotal", SUBTOTAL_CENTS));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
            ":user", AttributeValue.fromS(userId), ":at", AttributeValue.fromS(stamp.at()),
            ":ttl", number(stamp.cartExpiresAt()),
            ":cartsPk", AttributeValue.fromS(Keys.CARTS_PARTITION),
            ":cartsSk", AttributeValue.fromS(Keys.cartsIndexSort(stamp.at(), userId)),
            ":lineDelta", number(lineDelta), ":itemDelta", number(itemDelta), ":subtotalDelta", number(subtotalDelta)));
        Update.Builder summary = Update.builder().tableName(tableName).key(Keys.cartSummary(userId).toAttributeMap())
            .updateExpression("SET #user = :user, #updatedAt = :at, #ttl = :ttl, #cartsPk = :cartsPk, #cartsSk = :cartsSk "
                + "ADD #lineCount :lineDelta, #itemCount :itemDelta, #subtotal :subtotalDelta");
        if (newLine) {
            summary.conditionExpression("attribute_not_exists(#lineCount) OR #lineCount < :max");
            values.put(":max", number(CartLimits.MAX_CART_LINES));
        }
        summary.expressionAttributeNames(names).expressionAttributeValues(values);

        try {
            client.transactWriteItems(t -> t.transactItems(lineWrite, TransactWriteItem.builder().update(summary.build()).build()));
            return WriteResult.WRITTEN;
        } catch (TransactionCanceledException cancelled) {
            return cancellation(cancelled);
        } catch (TransactionConflictException conflict) {
            return WriteResult.RETRY;
        }
    }

    /**
     * The one place a cancelled cart transaction becomes a domain outcome. The
     * line comes first in every transaction and the summary second: a line
     * that moved on is a stale read (retry), a refused summary on a new line is
     * a full cart, and a conflict with another transaction is worth a retry.
     */
    private static WriteResult cancellation(TransactionCanceledException cancelled) {
        List<CancellationReason> reasons = cancelled.hasCancellationReasons() ? cancelled.cancellationReasons() : List.of();
        String line = reasons.size() > 0 ? reasons.get(0).code() : null;
        String summary = reasons.size() > 1 ? reasons.get(1).code() : null;
        if (CONDITIONAL_CHECK_FAILED.equals(line)) {
            return WriteResult.RETRY;
        }
        if (CONDITIONAL_CHECK_FAILED.equals(summary)) {
            return WriteResult.CART_FULL;
        }
        if (reasons.stream().anyMatch(reason -> TRANSACTION_CONFLICT.equals(reason.code()))) {
            return WriteResult.RETRY;
        }
        throw cancelled;
    }

    /**
     * Deletes lines whose product left the catalog, with the summary's counters
     * in the same transaction. The cart's {@code updatedAt} does not move: this
     * is housekeeping, not the user's write.
     *
     * @return false when a line moved on meanwhile (the next read tries again)
     */
    boolean dropLines(String userId, List<LineItem> lines) {
        List<LineItem> dropped = lines.subList(0, Math.min(lines.size(), MAX_TRANSACTION_ACTIONS - 1));
        List<TransactWriteItem> writes = new ArrayList<>();
        for (LineItem line : dropped) {
            writes.add(TransactWriteItem.builder().delete(versionedDelete(Keys.cartLine(userId, line.productId), line)).build());
        }
        long items = dropped.stream().mapToLong(LineItem::quantity).sum();
        long subtotal = dropped.stream().mapToLong(line -> line.quantity() * line.unitPriceCents()).sum();
        writes.add(TransactWriteItem.builder().update(Update.builder().tableName(tableName)
            .key(Keys.cartSummary(userId).toAttributeMap())
            .updateExpression("ADD #lineCount :lineDelta, #itemCount :itemDelta, #subtotal :subtotalDelta")
            .conditionExpression("attribute_exists(#pk)")
            .expressionAttributeNames(Map.of("#pk", ShopTable.PK, "#lineCount", LINE_COUNT, "#itemCount", ITEM_COUNT,
                "#subtotal", SUBTOTAL_CENTS))
            .expressionAttributeValues(Map.of(":lineDelta", number(-dropped.size()), ":itemDelta", number(-items),
                ":subtotalDelta", number(-subtotal)))
            .build()).build());
        return transact(writes);
    }

    /**
     * Deletes the whole cart in one transaction: each line on the version read
     * and the summary on the line count read, so a line added meanwhile makes
     * it fail (and the caller read again) instead of leaving an orphan line.
     *
     * @return false when the cart changed since {@code state} was read
     */
    boolean clear(String userId, CartState state) {
        if (state.isEmpty()) {
            return true;
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        for (LineItem line : state.lines()) {
            writes.add(TransactWriteItem.builder().delete(versionedDelete(Keys.cartLine(userId, line.productId), line)).build());
        }
        Delete.Builder summary = Delete.builder().tableName(tableName).key(Keys.cartSummary(userId).toAttributeMap());
        state.summary().ifPresentOrElse(
            seen -> summary.conditionExpression("#lineCount = :seen")
                .expressionAttributeNames(Map.of("#lineCount", LINE_COUNT))
                .expressionAttributeValues(Map.of(":seen", number(seen.lineCount()))),
            () -> summary.conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", ShopTable.PK)));
        writes.add(TransactWriteItem.builder().delete(summary.build()).build());
        if (writes.size() > MAX_TRANSACTION_ACTIONS) {
            throw new IllegalStateException("Cart of user " + userId + " holds " + state.lines().size()
                + " lines, more than " + CartLimits.MAX_CART_LINES);
        }
        return transact(writes);
    }

    /**
     * Pushes back the expiry of lines the current write did not touch. Each is
     * conditional on the line still existing (a concurrent removal must not be
     * undone) and on its expiry being earlier (never moved backwards).
     */
    void refreshExpiry(String userId, List<LineItem> lines, long lineExpiresAt) {
        for (LineItem line : lines) {
            try {
                client.updateItem(u -> u.tableName(tableName).key(Keys.cartLine(userId, line.productId).toAttributeMap())
                    .updateExpression("SET #ttl = :ttl")
                    .conditionExpression("attribute_exists(#pk) AND #ttl < :ttl")
                    .expressionAttributeNames(Map.of("#pk", ShopTable.PK, "#ttl", ShopTable.TTL))
                    .expressionAttributeValues(Map.of(":ttl", number(lineExpiresAt))));
            } catch (ConditionalCheckFailedException removedOrNewer) {
                // the line was removed or rewritten meanwhile: nothing to refresh
            }
        }
    }

    /**
     * Takes an emptied cart out of the sparse carts index. Conditional on the
     * line count being zero at that moment, so a line added meanwhile (which
     * sets the index attributes again) keeps the cart listed.
     */
    void leaveIndexIfEmpty(String userId) {
        try {
            client.updateItem(u -> u.tableName(tableName).key(Keys.cartSummary(userId).toAttributeMap())
                .updateExpression("REMOVE #cartsPk, #cartsSk")
                .conditionExpression("#lineCount = :zero")
                .expressionAttributeNames(Map.of("#cartsPk", ShopTable.CARTS.partitionKey(),
                    "#cartsSk", ShopTable.CARTS.sortKey(), "#lineCount", LINE_COUNT))
                .expressionAttributeValues(Map.of(":zero", number(0))));
        } catch (ConditionalCheckFailedException refilled) {
            // a line arrived meanwhile: the cart stays in the index
        }
    }

    /**
     * Non-empty, unexpired carts whose last write sorts before {@code sortBound},
     * oldest first: one Query on the sparse carts index. The filter only drops
     * entries DynamoDB TTL or the emptied-cart clean-up have not removed yet.
     */
    Page<SummaryItem> idleCarts(String sortBound, long nowEpochSecond, PageRequest request) {
        QueryEnhancedRequest.Builder query = QueryEnhancedRequest.builder()
            .queryConditional(QueryConditional.sortLessThan(Key.builder()
                .partitionValue(Keys.CARTS_PARTITION).sortValue(sortBound).build()))
            .filterExpression(Expression.builder()
                .expression("#lineCount > :zero AND #ttl > :now")
                .expressionNames(Map.of("#lineCount", LINE_COUNT, "#ttl", ShopTable.TTL))
                .expressionValues(Map.of(":zero", number(0), ":now", number(nowEpochSecond)))
                .build())
            .scanIndexForward(true);
        return IndexPages.query(cartsIndex, ShopTable.CARTS, query, request, cursors);
    }

    private Delete versionedDelete(Keys.Key key, LineItem seen) {
        return Delete.builder().tableName(tableName).key(key.toAttributeMap())
            .conditionExpression("#version = :seen")
            .expressionAttributeNames(Map.of("#version", VERSION))
            .expressionAttributeValues(Map.of(":seen", number(seen.version())))
            .build();
    }

    private boolean transact(List<TransactWriteItem> writes) {
        try {
            client.transactWriteItems(t -> t.transactItems(writes));
            return true;
        } catch (TransactionCanceledException | TransactionConflictException changed) {
            return false;
        }
    }

    private static Key key(Keys.Key key) {
        return Key.builder().partitionValue(key.pk()).sortValue(key.sk()).build();
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
