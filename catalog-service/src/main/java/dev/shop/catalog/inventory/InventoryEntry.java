package dev.shop.catalog.inventory;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import dev.shop.common.table.ProductAttributes;
import dev.shop.common.table.ShopTable;
import io.micronaut.serde.annotation.Serdeable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * The part of a product item the inventory feature reads from the sparse
 * inventory index: who it is and how many units are left.
 */
final class InventoryEntry {

    static final TableSchema<InventoryEntry> SCHEMA = StaticTableSchema.builder(InventoryEntry.class)
        .newItemSupplier(InventoryEntry::new)
        .addAttribute(String.class, a -> a.name(ShopTable.PK).getter(i -> i.pk).setter((i, v) -> i.pk = v).tags(primaryPartitionKey()))
        .addAttribute(String.class, a -> a.name(ShopTable.SK).getter(i -> i.sk).setter((i, v) -> i.sk = v).tags(primarySortKey()))
        .addAttribute(String.class, a -> a.name(ProductAttributes.ID).getter(i -> i.id).setter((i, v) -> i.id = v))
        .addAttribute(String.class, a -> a.name(ProductAttributes.SKU).getter(i -> i.sku).setter((i, v) -> i.sku = v))
        .addAttribute(String.class, a -> a.name(ProductAttributes.NAME).getter(i -> i.name).setter((i, v) -> i.name = v))
        .addAttribute(Long.class, a -> a.name(ProductAttributes.AVAILABLE).getter(i -> i.available).setter((i, v) -> i.available = v))
        .addAttribute(String.class, a -> a.name(ShopTable.INVENTORY.partitionKey()).getter(i -> i.inventoryPk).setter((i, v) -> i.inventoryPk = v)
            .tags(secondaryPartitionKey(ShopTable.INVENTORY.name())))
        .addAttribute(Long.class, a -> a.name(ShopTable.INVENTORY.sortKey()).getter(i -> i.inventorySk).setter((i, v) -> i.inventorySk = v)
            .tags(secondarySortKey(ShopTable.INVENTORY.name())))
        .build();

    String pk;
    String sk;
    String id;
    String sku;
    String name;
    Long available;
    String inventoryPk;
    Long inventorySk;

    LowStock toLowStock() {
        return new LowStock(id, sku, name, available == null ? 0 : available);
    }

    /** A row of the low-stock page. */
    @Serdeable
    record LowStock(String productId, String sku, String name, long available) {
    }
}
