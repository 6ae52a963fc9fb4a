package dev.shop.cart.cart;

import static dev.shop.common.table.CartAttributes.ADDED_AT;
import static dev.shop.common.table.CartAttributes.PRODUCT_ID;
import static dev.shop.common.table.CartAttributes.QUANTITY;
import static dev.shop.common.table.CartAttributes.UNIT_PRICE_CENTS;
import static dev.shop.common.table.CartAttributes.UPDATED_AT;
import static dev.shop.common.table.CartAttributes.VERSION;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import dev.shop.common.table.ShopTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/** One product in one cart, stored as its own item so that lines never overwrite each other. */
final class LineItem {

    static final TableSchema<LineItem> SCHEMA = StaticTableSchema.builder(LineItem.class)
        .newItemSupplier(LineItem::new)
        .addAttribute(String.class, a -> a.name(ShopTable.PK).getter(i -> i.pk).setter((i, v) -> i.pk = v).tags(primaryPartitionKey()))
        .addAttribute(String.class, a -> a.name(ShopTable.SK).getter(i -> i.sk).setter((i, v) -> i.sk = v).tags(primarySortKey()))
        .addAttribute(String.class, a -> a.name(PRODUCT_ID).getter(i -> i.productId).setter((i, v) -> i.productId = v))
        .addAttribute(Integer.class, a -> a.name(QUANTITY).getter(i -> i.quantity).setter((i, v) -> i.quantity = v))
        .addAttribute(Long.class, a -> a.name(UNIT_PRICE_CENTS).getter(i -> i.unitPriceCents).setter((i, v) -> i.unitPriceCents = v))
        .addAttribute(String.class, a -> a.name(ADDED_AT).getter(i -> i.addedAt).setter((i, v) -> i.addedAt = v))
        .addAttribute(String.class, a -> a.name(UPDATED_AT).getter(i -> i.updatedAt).setter((i, v) -> i.updatedAt = v))
        .addAttribute(Long.class, a -> a.name(VERSION).getter(i -> i.version).setter((i, v) -> i.version = v))
        .addAttribute(Long.class, a -> a.name(ShopTable.TTL).getter(i -> i.expiresAt).setter((i, v) -> i.expiresAt = v))
        .build();

    String pk;
    String sk;
    String productId;
    Integer quantity;
    Long unitPriceCents;
    String addedAt;
    String updatedAt;
    Long version;
    Long expiresAt;

    int quantity() {
        return quantity == null ? 0 : quantity;
    }

    long unitPriceCents() {
        return unitPriceCents == null ? 0 : unitPriceCents;
    }

    long version() {
        return version == null ? 0 : version;
    }

    long expiresAt() {
        return expiresAt == null ? 0 : expiresAt;
    }
}
