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
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import dev.shop.common.table.Keys;
import dev.shop.common.table.ShopTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * A product as stored: one item per product (see docs/data-model.md). Mapped
 * with a static schema rather than a reflective bean schema, which keeps the
 * Lambda cold start free of bean introspection.
 *
 * <p>Besides its own fields a live product carries the keys of three indexes:
 * GSI1 (its category's listing), GSI2 (the listing of all products) and the
 * sparse inventory index, whose sort key mirrors {@code available}. A deleted
 * product loses all six attributes and so leaves every listing.
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
        .addAttribute(String.class, a -> a.name(ShopTable.GSI1.partitionKey()).getter(i -> i.gsi1pk).setter((i, v) -> i.gsi1pk = v)
            .tags(secondaryPartitionKey(ShopTable.GSI1.name())))
        .addAttribute(String.class, a -> a.name(ShopTable.GSI1.sortKey()).getter(i -> i.gsi1sk).setter((i, v) -> i.gsi1sk = v)
            .tags(secondarySortKey(ShopTable.GSI1.name())))
        .addAttribute(String.class, a -> a.name(ShopTable.GSI2.partitionKey()).getter(i -> i.gsi2pk).setter((i, v) -> i.gsi2pk = v)
            .tags(secondaryPartitionKey(ShopTable.GSI2.name())))
        .addAttribute(String.class, a -> a.name(ShopTable.GSI2.sortKey()).getter(i -> i.gsi2sk).setter((i, v) -> i.gsi2sk = v)
            .tags(secondarySortKey(ShopTable.GSI2.name())))
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
    String gsi1pk;
    String gsi1sk;
    String gsi2pk;
    String gsi2sk;
    String inventoryPk;
    Long inventorySk;

    /** A new, live product with version 1, listed in every index. */
    static ProductItem create(String id, ProductBody body, String currency, String now) {
        ProductItem item = new ProductItem();
        Keys.Key key = Keys.product(id);
        item.pk = key.pk();
        item.sk = key.sk();
        item.id = id;
        item.sku = body.sku();
        item.name = body.name();
        item.description = body.description();
        item.category = body.category();
        item.priceCents = body.priceCents();
        item.currency = currency;
        item.imageUrl = body.imageUrl();
        item.available = body.initialStockOrZero();
        item.version = 1L;
        item.createdAt = now;
        item.updatedAt = now;
        item.gsi1pk = Keys.categoryListing(body.category());
        item.gsi1sk = Keys.productListingSort(body.name(), id);
        item.gsi2pk = Keys.ALL_PRODUCTS;
        item.gsi2sk = item.gsi1sk;
        item.inventoryPk = Keys.INVENTORY_PARTITION;
        item.inventorySk = item.available;
        return item;
    }

    boolean isDeleted() {
        return deletedAt != null;
    }

    Product toProduct() {
        return new Product(id, sku, name, description, category, priceCents, currency, imageUrl,
            available == null ? 0 : available, version, createdAt, updatedAt);
    }
}
