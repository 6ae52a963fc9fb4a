package dev.shop.catalog.product;

import java.util.Optional;

import dev.shop.common.table.Keys;
import dev.shop.common.table.TableName;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;

@Singleton
class ProductRepository {

    private final DynamoDbTable<ProductItem> table;

    ProductRepository(DynamoDbEnhancedClient enhancedClient, TableName tableName) {
        this.table = enhancedClient.table(tableName.value(), ProductItem.SCHEMA);
    }

    /** A live product by id: one GetItem. A deleted product is absent. */
    Optional<ProductItem> find(String productId) {
        Keys.Key key = Keys.product(productId);
        ProductItem item = table.getItem(Key.builder().partitionValue(key.pk()).sortValue(key.sk()).build());
        return Optional.ofNullable(item).filter(found -> !found.isDeleted());
    }
}
