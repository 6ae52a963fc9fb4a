package dev.shop.common.table;

import static dev.shop.common.table.ProductAttributes.AVAILABLE;
import static dev.shop.common.table.ProductAttributes.DELETED_AT;
import static dev.shop.common.table.ProductAttributes.ID;
import static dev.shop.common.table.ProductAttributes.NAME;
import static dev.shop.common.table.ProductAttributes.PRICE_CENTS;
import static dev.shop.common.table.ProductAttributes.SKU;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * The part of catalog-service's product item that the cart and checkout read
 * from the same table (never over HTTP): what a line is priced and named
 * with, and whether it can be supplied. Read-only; only catalog-service
 * writes products, and orders-service moves their stock with update
 * expressions.
 */
public final class ProductSnapshot {

    public static final TableSchema<ProductSnapshot> SCHEMA = StaticTableSchema.builder(ProductSnapshot.class)
        .newItemSupplier(ProductSnapshot::new)
        .addAttribute(String.class, a -> a.name(ShopTable.PK).getter(i -> i.pk).setter((i, v) -> i.pk = v).tags(primaryPartitionKey()))
        .addAttribute(String.class, a -> a.name(ShopTable.SK).getter(i -> i.sk).setter((i, v) -> i.sk = v).tags(primarySortKey()))
        .addAttribute(String.class, a -> a.name(ID).getter(i -> i.id).setter((i, v) -> i.id = v))
        .addAttribute(String.class, a -> a.name(SKU).getter(i -> i.sku).setter((i, v) -> i.sku = v))
        .addAttribute(String.class, a -> a.name(NAME).getter(i -> i.name).setter((i, v) -> i.name = v))
        .addAttribute(Long.class, a -> a.name(PRICE_CENTS).getter(i -> i.priceCents).setter((i, v) -> i.priceCents = v))
        .addAttribute(Long.class, a -> a.name(AVAILABLE).getter(i -> i.available).setter((i, v) -> i.available = v))
        .addAttribute(String.class, a -> a.name(DELETED_AT).getter(i -> i.deletedAt).setter((i, v) -> i.deletedAt = v))
        .build();

    private String pk;
    private String sk;
    private String id;
    private String sku;
    private String name;
    private Long priceCents;
    private Long available;
    private String deletedAt;

    public String id() {
        return id;
    }

    public String sku() {
        return sku;
    }

    public String name() {
        return name;
    }

    public long priceCents() {
        return priceCents == null ? 0 : priceCents;
    }

    public long available() {
        return available == null ? 0 : available;
    }

    /** Deleted products stay stored (cancelled orders return stock to them) but are gone for shoppers. */
    public boolean isDeleted() {
        return deletedAt != null;
    }

    /** Whether checkout could take {@code quantity} units right now (its transaction re-checks under a condition). */
    public boolean canSupply(long quantity) {
        return !isDeleted() && available != null && available >= quantity;
    }
}
