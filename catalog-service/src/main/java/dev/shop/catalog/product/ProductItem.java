package dev.shop.catalog.product;

import static dev.shop.common.table.ProductAttributes.AVAILABLE;
import static dev.shop.common.table.ProductAttributes.CATEGORY;
import static dev.shop.common.table.ProductAttributes.CREATED_AT;
import static dev.shop.common.table.ProductAttributes.CURRENCY;
import static dev.shop.common.table.ProductAttributes.DELETED_AT;
import static dev.shop.common.table.ProductAttributes.DESCRIPTION;
import static dev.shop.common.table.ProductAttributes.ID;
import static dev.shop.common.table.ProductAttributes.IMAGE_URL;
import static dev.shop.common.table.ProductAttributes.NAME;
import static dev.shop.common.table.ProductAttributes.PRICE_CENTS;
import static dev.shop.common.table.ProductAttributes.SKU;
import static dev.shop.common.table.ProductAttributes.UPDATED_AT;
import static dev.shop.common.table.ProductAttributes.VERSION;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import dev.shop.common.table.ShopTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * A product as stored: one item per product (see docs/data-model.md). Mapped
 * with a static schema rather than a reflective bean schema, which keeps the
 * Lambda cold start free of bean introspection.
 */
final class ProductItem {

    static final TableSchema<ProductItem> SCHEMA = StaticTableSchema.builder(ProductItem.class)
        .newItemSupplier(ProductItem::new)
        .addAttribute(String.class, a -> a.name(ShopTable.PK).getter(i -> i.pk).setter((i, v) -> i.pk = v).tags(primaryPartitionKey()))
        .addAttribute(String.class, a -> a.name(ShopTable.SK).getter(i -> i.sk).setter((i, v) -> i.sk = v).tags(primarySortKey()))
        .addAttribute(String.class, a -> a.name(ID).getter(i -> i.id).setter((i, v) -> i.id = v))
        .addAttribute(String.class, a -> a.name(SKU).getter(i -> i.sku).setter((i, v) -> i.sku = v))
        .addAttribute(String.class, a -> a.name(NAME).getter(i -> i.name).setter((i, v) -> i.name = v))
        .addAttribute(String.class, a -> a.name(DESCRIPTION).getter(i -> i.description).setter((i, v) -> i.description = v))
        .addAttribute(String.class, a -> a.name(CATEGORY).getter(i -> i.category).setter((i, v) -> i.category = v))
        .addAttribute(Long.class, a -> a.name(PRICE_CENTS).getter(i -> i.priceCents).setter((i, v) -> i.priceCents = v))
        .addAttribute(String.class, a -> a.name(CURRENCY).getter(i -> i.currency).setter((i, v) -> i.currency = v))
        .addAttribute(String.class, a -> a.name(IMAGE_URL).getter(i -> i.imageUrl).setter((i, v) -> i.imageUrl = v))
        .addAttribute(Long.class, a -> a.name(AVAILABLE).getter(i -> i.available).setter((i, v) -> i.available = v))
        .addAttribute(Long.class, a -> a.name(VERSION).getter(i -> i.version).setter((i, v) -> i.version = v))
        .addAttribute(String.class, a -> a.name(CREATED_AT).getter(i -> i.createdAt).setter((i, v) -> i.createdAt = v))
        .addAttribute(String.class, a -> a.name(UPDATED_AT).getter(i -> i.updatedAt).setter((i, v) -> i.updatedAt = v))
        .addAttribute(String.class, a -> a.name(DELETED_AT).getter(i -> i.deletedAt).setter((i, v) -> i.deletedAt = v))
        .build();

    String pk;
    String sk;
    String id;
    String sku;
    String name;
    String description;
    String category;
    Long priceCents;
    String currency;
    String imageUrl;
    Long available;
    Long version;
    String createdAt;
    String updatedAt;
    String deletedAt;

    boolean isDeleted() {
        return deletedAt != null;
    }

    Product toProduct() {
        return new Product(id, sku, name, description, category, priceCents, currency, imageUrl,
            available == null ? 0 : available, version, createdAt, updatedAt);
    }
}
