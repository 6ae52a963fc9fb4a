package dev.shop.orders.checkout;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import dev.shop.common.table.ProductAttributes;
import dev.shop.common.table.ShopTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/** The attributes of a catalog product that checkout prices an order line with. */
final class ProductSnapshot {

    static final TableSchema<ProductSnapshot> SCHEMA = StaticTableSchema.builder(ProductSnapshot.class)
        .newItemSupplier(ProductSnapshot::new)
        .addAttribute(String.class, a -> a.name(ShopTable.PK).getter(i -> i.pk).setter((i, v) -> i.pk = v).tags(primaryPartitionKey()))
        .addAttribute(String.class, a -> a.name(ShopTable.SK).getter(i -> i.sk).setter((i, v) -> i.sk = v).tags(primarySortKey()))
        .addAttribute(String.class, a -> a.name(ProductAttributes.ID).getter(i -> i.id).setter((i, v) -> i.id = v))
        .addAttribute(String.class, a -> a.name(ProductAttributes.SKU).getter(i -> i.sku).setter((i, v) -> i.sku = v))
        .addAttribute(String.class, a -> a.name(ProductAttributes.NAME).getter(i -> i.name).setter((i, v) -> i.name = v))
        .addAttribute(Long.class, a -> a.name(ProductAttributes.PRICE_CENTS).getter(i -> i.priceCents).setter((i, v) -> i.priceCents = v))
        .addAttribute(Long.class, a -> a.name(ProductAttributes.AVAILABLE).getter(i -> i.available).setter((i, v) -> i.available = v))
        .addAttribute(String.class, a -> a.name(ProductAttributes.DELETED_AT).getter(i -> i.deletedAt).setter((i, v) -> i.deletedAt = v))
        .build();

    String pk;
    String sk;
    String id;
    String sku;
    String name;
    Long priceCents;
    Long available;
    String deletedAt;

    boolean canSupply(long quantity) {
        return deletedAt == null && available != null && available >= quantity;
    }
}
