package dev.shop.orders.checkout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.shop.common.table.CartAttributes;
import dev.shop.common.table.Keys;
import dev.shop.common.table.ProductAttributes;
import dev.shop.common.table.ShopTable;
import dev.shop.common.table.StockExpressions;
import dev.shop.orders.order.OrderItem;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The checkout as one TransactWriteItems, and the reading of its
 * cancellation reasons; docs/data-model.md lists it item by item.
 *
 * <ol>
 *   <li>per cart line: the product's stock decremented, on the condition that
 *       enough is available and the product is not deleted;</li>
 *   <li>the order put;</li>
 *   <li>per cart line: the line deleted, on the condition that its quantity is
 *       still the one priced, so a concurrent cart change aborts the checkout;</li>
 *   <li>the cart summary deleted, on the condition that it still counts the lines read;</li>
 *   <li>the idempotency record put, on the condition that none exists for the key.</li>
 * </ol>
 *
 * Built with the low-level client: the stock decrement is an update
 * expression with arithmetic and conditions, which the Enhanced Client's
 * transactions cannot express.
 */
final class CheckoutTransaction {

    /** DynamoDB's limit on the actions of one TransactWriteItems. */
    static final int MAX_ACTIONS = 100;
    /** Actions that do not depend on the number of lines: order, summary, idempotency record. */
    static final int FIXED_ACTIONS = 3;
    /** The largest cart one transaction can check out: 2n + 3 <= 100. */
    static final int MAX_LINES = (MAX_ACTIONS - FIXED_ACTIONS) / 2;
    /** How long a replay of a finished checkout returns its order: DynamoDB TTL deletes the record afterwards. */
    static final Duration IDEMPOTENCY_TTL = Duration.ofHours(24);

    private enum Role { STOCK, ORDER, CART_LINE, CART_SUMMARY, IDEMPOTENCY }

    private record Action(Role role, String productId, TransactWriteItem item) {
    }

    private final List<Action> actions = new ArrayList<>();

    CheckoutTransaction(String tableName, String userId, Cart cart, OrderItem order, IdempotencyKey key,
                        String bodyHash, String now, long nowEpochSecond) {
        if (cart.lines().size() > MAX_LINES) {
            throw new IllegalArgumentException("A cart of " + cart.lines().size() + " lines exceeds " + MAX_LINES);
        }
        for (Cart.Line line : cart.lines()) {
            actions.add(new Action(Role.STOCK, line.productId(), TransactWriteItem.builder().update(Update.builder()
                .tableName(tableName)
                .key(Keys.product(line.productId()).toAttributeMap())
                .updateExpression("SET " + StockExpressions.takeFromAvailable(":q"))
                .conditionExpression("#available >= :q AND attribute_not_exists(#deletedAt)")
                .expressionAttributeNames(StockExpressions.namesWith(Map.of("#deletedAt", ProductAttributes.DELETED_AT)))
                .expressionAttributeValues(Map.of(":q", number(line.quantity())))
                .build()).build()));
        }
        actions.add(new Action(Role.ORDER, null, TransactWriteItem.builder().put(Put.builder()
            .tableName(tableName)
            .item(order.toMap())
            .conditionExpression("attribute_not_exists(#pk)")
            .expressionAttributeNames(Map.of("#pk", ShopTable.PK))
            .build()).build()));
        for (Cart.Line line : cart.lines()) {
            actions.add(new Action(Role.CART_LINE, line.productId(), TransactWriteItem.builder().delete(Delete.builder()
                .tableName(tableName)
                .key(Keys.cartLine(userId, line.productId()).toAttributeMap())
                .conditionExpression("#quantity = :q")
                .expressionAttributeNames(Map.of("#quantity", CartAttributes.QUANTITY))
                .expressionAttributeValues(Map.of(":q", number(line.quantity())))
                .build()).build()));
        }
        Delete.Builder summary = Delete.builder().tableName(tableName).key(Keys.cartSummary(userId).toAttributeMap());
        if (cart.hasSummary()) {
            summary.conditionExpression("#lineCount = :n")
                .expressionAttributeNames(Map.of("#lineCount", CartAttributes.LINE_COUNT))
                .expressionAttributeValues(Map.of(":n", number(cart.summaryLineCount())));
        } else {
            summary.conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", ShopTable.PK));
        }
        actions.add(new Action(Role.CART_SUMMARY, null, TransactWriteItem.builder().delete(summary.build()).build()));
        actions.add(new Action(Role.IDEMPOTENCY, null, TransactWriteItem.builder().put(Put.builder()
            .tableName(tableName)
            .item(Map.of(
                ShopTable.PK, AttributeValue.fromS(Keys.idempotency(userId, key.value()).pk()),
                ShopTable.SK, AttributeValue.fromS(Keys.idempotency(userId, key.value()).sk()),
                IdempotencyRecord.ORDER_ID, AttributeValue.fromS(order.id()),
                IdempotencyRecord.BODY_HASH, AttributeValue.fromS(bodyHash),
                IdempotencyRecord.CREATED_AT, AttributeValue.fromS(now),
                ShopTable.TTL, number(nowEpochSecond + IDEMPOTENCY_TTL.toSeconds())))
            // an expired record that TTL has not yet removed does not block the key
            .conditionExpression("attribute_not_exists(#pk) OR #expiresAt <= :now")
            .expressionAttributeNames(Map.of("#pk", ShopTable.PK, "#expiresAt", ShopTable.TTL))
            .expressionAttributeValues(Map.of(":now", number(nowEpochSecond)))
            .build()).build()));
    }

    List<TransactWriteItem> items() {
        return actions.stream().map(Action::item).toList();
    }

    /**
     * Why DynamoDB cancelled this transaction, in domain terms: the one place
     * where cancellation reasons (in the order of the actions) are read.
     */
    Rejection rejection(TransactionCanceledException cancelled) {
        List<CancellationReason> reasons = cancelled.hasCancellationReasons() ? cancelled.cancellationReasons() : List.of();
        List<String> shortProducts = new ArrayList<>();
        boolean keyTaken = false;
        boolean cartChanged = false;
        boolean conflict = reasons.isEmpty();
        for (int i = 0; i < reasons.size() && i < actions.size(); i++) {
            String code = reasons.get(i).code();
            if ("TransactionConflict".equals(code) || "ThrottlingError".equals(code)) {
                conflict = true;
            } else if ("ConditionalCheckFailed".equals(code)) {
                Action action = actions.get(i);
                switch (action.role()) {
                    case STOCK -> shortProducts.add(action.productId());
                    case CART_LINE, CART_SUMMARY -> cartChanged = true;
                    case IDEMPOTENCY -> keyTaken = true;
                    case ORDER -> conflict = true;
                }
            } else if (code != null && !"None".equals(code)) {
                throw new IllegalStateException("Checkout transaction cancelled: " + reasons, cancelled);
            }
        }
        if (keyTaken) {
            return new Rejection.KeyTaken();
        }
        if (conflict) {
            return new Rejection.Conflict();
        }
        if (cartChanged) {
            return new Rejection.CartChanged();
        }
        if (!shortProducts.isEmpty()) {
            return new Rejection.ShortOfStock(List.copyOf(shortProducts));
        }
        return new Rejection.Conflict();
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    /** Why the transaction was cancelled. */
    sealed interface Rejection {
        /** An idempotency record for the key exists: this is a replay, finished or racing. */
        record KeyTaken() implements Rejection { }

        /** These products had too little stock, or were deleted. */
        record ShortOfStock(List<String> productIds) implements Rejection { }

        /** A cart line or the summary changed after it was read. */
        record CartChanged() implements Rejection { }

        /** Another transaction held one of the items: worth another attempt. */
        record Conflict() implements Rejection { }
    }
}
