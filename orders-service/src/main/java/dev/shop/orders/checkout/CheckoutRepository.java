package dev.shop.orders.checkout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.shop.common.table.Keys;
import dev.shop.common.table.ProductSnapshot;
import dev.shop.common.table.TableName;
import dev.shop.orders.order.OrderItem;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/** The reads checkout makes before its transaction, and the transaction itself. */
@Singleton
class CheckoutRepository {

    private final DynamoDbClient client;
    private final DynamoDbEnhancedClient enhancedClient;
    private final DynamoDbTable<CartEntry> carts;
    private final DynamoDbTable<ProductSnapshot> products;
    private final DynamoDbTable<IdempotencyRecord> idempotency;
    private final DynamoDbTable<OrderItem> orders;
    private final String tableName;

    CheckoutRepository(DynamoDbClient client, DynamoDbEnhancedClient enhancedClient, TableName tableName) {
        this.client = client;
        this.enhancedClient = enhancedClient;
        this.carts = enhancedClient.table(tableName.value(), CartEntry.SCHEMA);
        this.products = enhancedClient.table(tableName.value(), ProductSnapshot.SCHEMA);
        this.idempotency = enhancedClient.table(tableName.value(), IdempotencyRecord.SCHEMA);
        this.orders = enhancedClient.table(tableName.value(), OrderItem.SCHEMA);
        this.tableName = tableName.value();
    }

    /** The record of an earlier checkout under this key, if one is still live: one strongly consistent GetItem. */
    Optional<IdempotencyRecord> idempotencyRecord(String userId, IdempotencyKey key, long nowEpochSecond) {
        Keys.Key id = Keys.idempotency(userId, key.value());
        return Optional.ofNullable(idempotency.getItem(r -> r.key(key(id)).consistentRead(true)))
            .filter(record -> record.isLiveAt(nowEpochSecond));
    }

    Optional<OrderItem> order(String orderId) {
        return Optional.ofNullable(orders.getItem(r -> r.key(key(Keys.order(orderId))).consistentRead(true)));
    }

    /**
     * The cart: one strongly consistent Query of the user's cart partition,
     * which holds its lines and its summary. A cart past its TTL expiry reads
     * as empty, as cart-service shows it, even before TTL has deleted it.
     */
    Cart cart(String userId, long nowEpochSecond) {
        List<Cart.Line> lines = new ArrayList<>();
        Integer summaryLineCount = null;
        String summarySortKey = Keys.cartSummary(userId).sk();
        for (CartEntry entry : carts.query(r -> r.queryConditional(QueryConditional.keyEqualTo(
                Key.builder().partitionValue(Keys.cartPartition(userId)).build())).consistentRead(true)).items()) {
            if (entry.sk.equals(summarySortKey)) {
                if (entry.expiresAt != null && entry.expiresAt <= nowEpochSecond) {
                    return Cart.empty();
                }
                summaryLineCount = entry.lineCount == null ? 0 : entry.lineCount;
            } else if (entry.sk.startsWith(Keys.CART_LINE_PREFIX) && entry.quantity != null && entry.quantity > 0) {
                lines.add(new Cart.Line(entry.productId, entry.quantity));
            }
        }
        return new Cart(List.copyOf(lines), summaryLineCount);
    }

    /** The lines' products by id, from one BatchGetItem (the SDK re-requests any unprocessed keys). */
    Map<String, ProductSnapshot> products(List<Cart.Line> lines) {
        ReadBatch.Builder<ProductSnapshot> batch = ReadBatch.builder(ProductSnapshot.class).mappedTableResource(products);
        for (Cart.Line line : lines) {
            batch.addGetItem(r -> r.key(key(Keys.product(line.productId()))).consistentRead(true));
        }
        Map<String, ProductSnapshot> byId = new HashMap<>();
        enhancedClient.batchGetItem(r -> r.readBatches(batch.build())).resultsForTable(products)
            .forEach(product -> byId.put(product.id(), product));
        return byId;
    }

    /**
     * Places the order in one transaction with everything it must agree with
     * ({@link CheckoutTransaction}). Nothing is written unless all of it is.
     *
     * @return empty when the order was placed; otherwise why DynamoDB refused it, in domain terms
     */
    Optional<CheckoutTransaction.Rejection> place(String userId, Cart cart, OrderItem order, IdempotencyKey key,
                                                  String bodyHash, String now, long nowEpochSecond) {
        CheckoutTransaction transaction = new CheckoutTransaction(tableName, userId, cart, order, key, bodyHash, now,
            nowEpochSecond);
        try {
            client.transactWriteItems(r -> r.transactItems(transaction.items()));
            return Optional.empty();
        } catch (TransactionCanceledException cancelled) {
            return Optional.of(transaction.rejection(cancelled));
        } catch (TransactionConflictException conflict) {
            return Optional.of(new CheckoutTransaction.Rejection.Conflict());
        }
    }

    private static Key key(Keys.Key key) {
        return Key.builder().partitionValue(key.pk()).sortValue(key.sk()).build();
    }
}
