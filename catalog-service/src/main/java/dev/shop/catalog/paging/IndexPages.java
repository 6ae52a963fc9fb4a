package dev.shop.catalog.paging;

import java.util.List;
import java.util.Map;

import dev.shop.common.paging.CursorCodec;
import dev.shop.common.paging.Page;
import dev.shop.common.paging.PageRequest;
import dev.shop.common.table.ShopTable;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One page of an index Query, with the contract's cursor. It asks DynamoDB
 * for one item more than the page holds, so a page that ends the listing says
 * so ({@code nextCursor: null}) instead of sending the client to an empty page.
 */
public final class IndexPages {

    private IndexPages() {
    }

    public static <T> Page<T> query(DynamoDbIndex<T> index, TableSchema<T> schema, ShopTable.Index definition,
                                    QueryConditional condition, PageRequest request, String scope, CursorCodec cursors) {
        QueryEnhancedRequest query = QueryEnhancedRequest.builder()
            .queryConditional(condition)
            .limit(request.limit() + 1)
            .exclusiveStartKey(request.exclusiveStartKey())
            .build();
        software.amazon.awssdk.enhanced.dynamodb.model.Page<T> page = index.query(query).iterator().next();
        List<T> items = page.items();
        if (items.size() > request.limit()) {
            List<T> shown = items.subList(0, request.limit());
            T last = shown.get(shown.size() - 1);
            return new Page<>(List.copyOf(shown), cursors.encode(scope, keyOf(last, schema, definition)));
        }
        // fewer items than asked for and still a LastEvaluatedKey: DynamoDB stopped at its 1 MB page size
        return new Page<>(List.copyOf(items), cursors.encode(scope, page.lastEvaluatedKey()));
    }

    /** The position of an item in the index: the table key and the index key, as LastEvaluatedKey has them. */
    private static <T> Map<String, AttributeValue> keyOf(T item, TableSchema<T> schema, ShopTable.Index definition) {
        return schema.itemToMap(item, List.of(ShopTable.PK, ShopTable.SK, definition.partitionKey(), definition.sortKey()));
    }
}
