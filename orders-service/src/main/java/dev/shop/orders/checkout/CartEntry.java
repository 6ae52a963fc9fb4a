package dev.shop.orders.checkout;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import dev.shop.common.table.CartAttributes;
import dev.shop.common.table.ShopTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * Any item of a cart partition (a line or the summary), mapped with just the
 * attributes checkout needs. cart-service owns these items; checkout only reads
 * them and deletes them in its transaction.
 */
final class CartEntry {

    static final TableSchema<CartEntry> SCHEMA = StaticTableSchema.builder(CartEntry.class)
        .newItemSupplier(CartEntry::new)
        .addAttribute(String.class, a -> a.name(ShopTable.PK).getter(i -> i.pk).setter((i, v) -> i.pk = v).tags(primaryPartitionKey()))
        .addAttribute(String.class, a -> a.name(ShopTable.SK).getter(i -> i.sk).setter((i, v) -> i.sk = v).tags(primarySortKey()))
        .addAttribute(String.class, a -> a.name(CartAttributes.PRODUCT_ID).getter(i -> i.productId).setter((i, v) -> i.productId = v))
        .addAttribute(Long.class, a -> a.name(CartAttributes.QUANTITY).getter(i -> i.quantity).setter((i, v) -> i.quantity = v))
        .addAttribute(Integer.class, a -> a.name(CartAttributes.LINE_COUNT).getter(i -> i.lineCount).setter((i, v) -> i.lineCount = v))
        .addAttribute(Long.class, a -> a.name(ShopTable.TTL).getter(i -> i.expiresAt).setter((i, v) -> i.expiresAt = v))
        .build();

    String pk;
    String sk;
    String productId;
    Long quantity;
    Integer lineCount;
    Long expiresAt;
}
