package dev.shop.catalog.category;

import java.util.List;
import java.util.Map;

import dev.shop.common.table.Keys;
import dev.shop.common.table.TableName;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@Singleton
class CategoryRepository {

    private final DynamoDbTable<CategoryItem> table;

    CategoryRepository(DynamoDbEnhancedClient enhancedClient, TableName tableName) {
        this.table = enhancedClient.table(tableName.value(), CategoryItem.SCHEMA);
    }

    /**
     * Categories with at least one active product, by slug: one Query on the
     * {@code CATEGORIES} partition, whatever the number of products. Counters
     * that fell to zero stay stored (a later product revives them) and are
     * filtered out here.
     */
    List<Category> listActive() {
        QueryEnhancedRequest request = QueryEnhancedRequest.builder()
            .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(Keys.CATEGORIES_PARTITION).build()))
            .filterExpression(Expression.builder()
                .expression("#count > :zero")
                .expressionNames(Map.of("#count", CategoryCounts.PRODUCT_COUNT))
                .expressionValues(Map.of(":zero", AttributeValue.fromN("0")))
                .build())
            .build();
        return table.query(request).items().stream().map(CategoryItem::toCategory).toList();
    }
}
