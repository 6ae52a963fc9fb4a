package dev.shop.cart.cart;

import static dev.shop.common.table.ProductAttributes.AVAILABLE;
import static dev.shop.common.table.ProductAttributes.DELETED_AT;
import static dev.shop.common.table.ProductAttributes.ID;
import static dev.shop.common.table.ProductAttributes.NAME;
import static dev.shop.common.table.ProductAttributes.PRICE_CENTS;
import static dev.shop.common.table.ProductAttributes.SKU;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import dev.shop.common.table.ShopTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * The part of catalog-service's product item a cart needs, read from the same
 * table (never over HTTP). Read-only: cart-service never writes products.
 */
final class CatalogProduct {

    static final TableSchema<CatalogProduct> SCHEMA = StaticTableSchema.builder(CatalogProduct.class)
        .newItemSupplier(CatalogProduct::new)
        .addAttribute(String.class, a -> a.name(ShopTable.PK).getter(i -> i.pk).setter((i, v) -> i.pk = v).tags(primaryPartitionKey()))
        .addAttribute(String.class, a -> a.name(ShopTable.SK).getter(i -> i.sk).setter((i, v) -> i.sk = v).tags(primarySortKey()))
        .addAttribute(String.class, a -> a.name(ID).getter(i -> i.id).setter((i, v) -> i.id = v))
        .addAttribute(String.class, a -> a.name(SKU).getter(i -> i.sku).setter((i, v) -> i.sku = v))
        .addAttribute(String.class, a -> a.name(NAME).getter(i -> i.name).setter((i, v) -> i.name = v))
        .addAttribute(Long.class, a -> a.name(PRICE_CENTS).getter(i -> i.priceCents).setter((i, v) -> i.priceCents = v))
        .addAttribute(Long.class, a -> a.name(AVAILABLE).getter(i -> i.available).setter((i, v) -> i.available = v))
        .addAttribute(String.class, a -> a.name(DELETED_AT).getter(i -> i.deletedAt).setter((i, v) -> i.deletedAt = v))
        .build();

    String pk;
    String sk;
    String id;
    String sku;
    String name;
    Long priceCents;
    Long available;
    String deletedAt;

    boolean isDeleted() {
        return deletedAt != null;
    }

    long priceCents() {
        return priceCents == null ? 0 : priceCents;
    }

    long available() {
        return available == null ? 0 : available;
    }
}
