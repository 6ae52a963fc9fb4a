package dev.shop.orders.checkout;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import dev.shop.common.table.ShopTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * What a checkout under one {@code (user, Idempotency-Key)} produced: the
 * order and a hash of the request body. Written in the checkout transaction
 * itself, so it exists exactly when the order does. DynamoDB TTL deletes it
 * {@link CheckoutTransaction#IDEMPOTENCY_TTL} after the checkout.
 */
final class IdempotencyRecord {

    static final String ORDER_ID = "orderId";
    static final String BODY_HASH = "bodyHash";
    static final String CREATED_AT = "createdAt";

    static final TableSchema<IdempotencyRecord> SCHEMA = StaticTableSchema.builder(IdempotencyRecord.class)
        .newItemSupplier(IdempotencyRecord::new)
        .addAttribute(String.class, a -> a.name(ShopTable.PK).getter(i -> i.pk).setter((i, v) -> i.pk = v).tags(primaryPartitionKey()))
        .addAttribute(String.class, a -> a.name(ShopTable.SK).getter(i -> i.sk).setter((i, v) -> i.sk = v).tags(primarySortKey()))
        .addAttribute(String.class, a -> a.name(ORDER_ID).getter(i -> i.orderId).setter((i, v) -> i.orderId = v))
        .addAttribute(String.class, a -> a.name(BODY_HASH).getter(i -> i.bodyHash).setter((i, v) -> i.bodyHash = v))
        .addAttribute(String.class, a -> a.name(CREATED_AT).getter(i -> i.createdAt).setter((i, v) -> i.createdAt = v))
        .addAttribute(Long.class, a -> a.name(ShopTable.TTL).getter(i -> i.expiresAt).setter((i, v) -> i.expiresAt = v))
        .build();

    String pk;
    String sk;
    String orderId;
    String bodyHash;
    String createdAt;
    Long expiresAt;

    /** TTL deletion lags; a record past its expiry counts as gone (and may be overwritten). */
    boolean isLiveAt(long epochSecond) {
        return expiresAt == null || expiresAt > epochSecond;
    }
}
