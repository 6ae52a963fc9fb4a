package dev.shop.common.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.shop.common.table.ShopTable;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * One page of an index Query, with the contract's cursor. It asks DynamoDB
 * for one item more than the page holds, so a page that ends the listing says
 * so ({@code nextCursor: null}) instead of sending the client to an empty page.
 */
public final class IndexPages {

    private IndexPages() {
    }

    /** A page of the items matching {@code condition}, in the index's ascending order. */
    public static <T> Page<T> query(DynamoDbIndex<T> index, ShopTable.Index definition, QueryConditional condition,
                                    PageRequest request, CursorCodec cursors) {
        return query(index, definition, QueryEnhancedRequest.builder().queryConditional(condition), request, cursors);
    }

    /**
     * A page of a Query the caller shapes (key condition, direction, filter);
     * the page size and start key are set here, overriding any on the builder.
     *
     * <p>With a filter, DynamoDB applies the limit to the items it reads, not to
     * those that pass: a page may hold fewer items than asked for and still
     * carry a cursor, but no matching item is ever skipped, because the cursor
     * is then the last item DynamoDB read.
     */
    public static <T> Page<T> query(DynamoDbIndex<T> index, ShopTable.Index definition, QueryEnhancedRequest.Builder query,
                                    PageRequest request, CursorCodec cursors) {
        software.amazon.awssdk.enhanced.dynamodb.model.Page<T> page = firstPage(index, query
            .limit(request.limit() + 1)
            .exclusiveStartKey(request.exclusiveStartKey())
            .build(), request);
        CursorScope scope = request.scope();
        List<T> items = page.items();
        if (items.size() > request.limit()) {
            List<T> shown = items.subList(0, request.limit());
            T last = shown.get(shown.size() - 1);
            return new Page<>(List.copyOf(shown), cursors.encode(scope, keyOf(last, index, definition)));
        }
        // no more than a page and still a LastEvaluatedKey: DynamoDB stopped at its 1 MB limit or filtered items out
        return new Page<>(List.copyOf(items), cursors.encode(scope, page.lastEvaluatedKey()));
    }

    /**
     * The Query's first page. A start key DynamoDB refuses (outside the key
     * condition's range) can only come from a cursor, so it is the cursor's
     * 400, not a 500; a sealed cursor bound to its parameters should never
     * get here, and this keeps it so if a listing forgets one.
     */
    private static <T> software.amazon.awssdk.enhanced.dynamodb.model.Page<T> firstPage(
            DynamoDbIndex<T> index, QueryEnhancedRequest query, PageRequest request) {
        try {
            return index.query(query).iterator().next();
        } catch (DynamoDbException refused) {
            if (request.exclusiveStartKey() != null && refused.statusCode() == 400) {
                throw CursorCodec.invalid();
            }
            throw refused;
        }
    }

    /** The position of an item in the index: the table key and the index key, as LastEvaluatedKey has them. */
    private static <T> Map<String, AttributeValue> keyOf(T item, DynamoDbIndex<T> index, ShopTable.Index definition) {
        List<String> attributes = new ArrayList<>(List.of(ShopTable.PK, ShopTable.SK, definition.partitionKey()));
        definition.sortKeyAttribute().ifPresent(attributes::add);
        return index.tableSchema().itemToMap(item, attributes);
    }
}
