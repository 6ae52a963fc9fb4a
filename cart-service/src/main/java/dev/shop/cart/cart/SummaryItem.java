package dev.shop.cart.cart;

import static dev.shop.common.table.CartAttributes.ITEM_COUNT;
import static dev.shop.common.table.CartAttributes.LINE_COUNT;
import static dev.shop.common.table.CartAttributes.SUBTOTAL_CENTS;
import static dev.shop.common.table.CartAttributes.UPDATED_AT;
import static dev.shop.common.table.CartAttributes.USER_ID;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import dev.shop.common.table.ShopTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * The one summary item of a cart: counters kept in step with the lines by the
 * same transactions, the cart's expiry, and (while the cart is non-empty) its
 * entry in the sparse carts index.
 */
final class SummaryItem {

    static final TableSchema<SummaryItem> SCHEMA = StaticTableSchema.builder(SummaryItem.class)
        .newItemSupplier(SummaryItem::new)
        .addAttribute(String.class, a -> a.name(ShopTable.PK).getter(i -> i.pk).setter((i, v) -> i.pk = v).tags(primaryPartitionKey()))
        .addAttribute(String.class, a -> a.name(ShopTable.SK).getter(i -> i.sk).setter((i, v) -> i.sk = v).tags(primarySortKey()))
        .addAttribute(String.class, a -> a.name(USER_ID).getter(i -> i.userId).setter((i, v) -> i.userId = v))
        .addAttribute(Integer.class, a -> a.name(LINE_COUNT).getter(i -> i.lineCount).setter((i, v) -> i.lineCount = v))
        .addAttribute(Long.class, a -> a.name(ITEM_COUNT).getter(i -> i.itemCount).setter((i, v) -> i.itemCount = v))
        .addAttribute(Long.class, a -> a.name(SUBTOTAL_CENTS).getter(i -> i.subtotalCents).setter((i, v) -> i.subtotalCents = v))
        .addAttribute(String.class, a -> a.name(UPDATED_AT).getter(i -> i.updatedAt).setter((i, v) -> i.updatedAt = v))
        .addAttribute(Long.class, a -> a.name(ShopTable.TTL).getter(i -> i.expiresAt).setter((i, v) -> i.expiresAt = v))
        .addAttribute(String.class, a -> a.name(ShopTable.CARTS.partitionKey()).getter(i -> i.cartsPk).setter((i, v) -> i.cartsPk = v)
            .tags(secondaryPartitionKey(ShopTable.CARTS.name())))
        .addAttribute(String.class, a -> a.name(ShopTable.CARTS.sortKey()).getter(i -> i.cartsSk).setter((i, v) -> i.cartsSk = v)
            .tags(secondarySortKey(ShopTable.CARTS.name())))
        .build();

    String pk;
    String sk;
    String userId;
    Integer lineCount;
    Long itemCount;
    Long subtotalCents;
    String updatedAt;
    Long expiresAt;
    String cartsPk;
    String cartsSk;

    int lineCount() {
        return lineCount == null ? 0 : lineCount;
    }

    long itemCount() {
        return itemCount == null ? 0 : itemCount;
    }

    long subtotalCents() {
        return subtotalCents == null ? 0 : subtotalCents;
    }

    /** Whether the cart is listed in the sparse carts index (the abandoned-carts listing). */
    boolean isListed() {
        return cartsPk != null;
    }

    boolean isExpiredAt(long epochSecond) {
        return expiresAt != null && expiresAt <= epochSecond;
    }
}
