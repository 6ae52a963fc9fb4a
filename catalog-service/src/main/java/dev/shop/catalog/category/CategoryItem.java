package dev.shop.catalog.category;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import dev.shop.common.table.ShopTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/** A category counter as stored, in the one {@code CATEGORIES} partition. */
final class CategoryItem {

    static final TableSchema<CategoryItem> SCHEMA = StaticTableSchema.builder(CategoryItem.class)
        .newItemSupplier(CategoryItem::new)
        .addAttribute(String.class, a -> a.name(ShopTable.PK).getter(i -> i.pk).setter((i, v) -> i.pk = v).tags(primaryPartitionKey()))
        .addAttribute(String.class, a -> a.name(ShopTable.SK).getter(i -> i.sk).setter((i, v) -> i.sk = v).tags(primarySortKey()))
        .addAttribute(String.class, a -> a.name(CategoryCounts.ID).getter(i -> i.id).setter((i, v) -> i.id = v))
        .addAttribute(String.class, a -> a.name(CategoryCounts.NAME).getter(i -> i.name).setter((i, v) -> i.name = v))
        .addAttribute(Long.class, a -> a.name(CategoryCounts.PRODUCT_COUNT).getter(i -> i.productCount).setter((i, v) -> i.productCount = v))
        .build();

    String pk;
    String sk;
    String id;
    String name;
    Long productCount;

    Category toCategory() {
        return new Category(id, name, productCount == null ? 0 : productCount);
    }
}
