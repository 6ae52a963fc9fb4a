package dev.shop.cart.cart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import dev.shop.common.paging.CursorCodec;
import dev.shop.common.paging.CursorScope;
import dev.shop.common.paging.IndexPages;
import dev.shop.common.paging.PageRequest;
import dev.shop.common.table.Keys;
import dev.shop.common.table.ShopTable;
import dev.shop.common.web.ProblemException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A start key that DynamoDB Local refuses (outside the Query's key range) is
 * the cursor's 400, never a 500. Bound cursors keep such keys out; this is
 * the guard for a listing that forgets a parameter.
 */
class RejectedStartKeyTest {

    private final DynamoDbIndex<SummaryItem> carts = DynamoDbEnhancedClient.builder()
        .dynamoDbClient(CartFixtures.SHOP.dynamoDb()).build()
        .table(CartFixtures.SHOP.tableName(), SummaryItem.SCHEMA).index(ShopTable.CARTS.name());
    private final CursorCodec cursors = new CursorCodec("rejected-start-key-test-secret");

    @Test
    void aStartKeyOutsideTheQueryRangeIsABadCursor() {
        Map<String, AttributeValue> beyondTheBound = Map.of(
            ShopTable.PK, AttributeValue.fromS("CART#someone"), ShopTable.SK, AttributeValue.fromS("SUMMARY"),
            ShopTable.CARTS.partitionKey(), AttributeValue.fromS(Keys.CARTS_PARTITION),
            ShopTable.CARTS.sortKeyAttribute().orElseThrow(), AttributeValue.fromS(Keys.cartsIndexSort("2999-01-01T00:00:00.000Z", "someone")));
        PageRequest request = new PageRequest(1, beyondTheBound, CursorScope.of("test"));
        QueryConditional before2000 = QueryConditional.sortLessThan(Key.builder()
            .partitionValue(Keys.CARTS_PARTITION).sortValue(Keys.cartsIndexSort("2000-01-01T00:00:00.000Z", "")).build());

        assertThatThrownBy(() -> IndexPages.query(carts, ShopTable.CARTS, before2000, request, cursors))
            .isInstanceOfSatisfying(ProblemException.class, refused -> {
                assertThat(refused.problem().status()).isEqualTo(400);
                assertThat(refused.problem().detail()).contains("cursor");
            });
    }
}
