package dev.shop.gatling.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.shop.common.table.Keys;
import dev.shop.common.table.ProductAttributes;
import dev.shop.common.table.ShopTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Loads products straight into the table with {@code BatchWriteItem}, for the scale benchmark only:
 * a hundred thousand creates through the API would take longer than the run itself. Each item has
 * catalog-service's layout (its {@code ProductItem}: the product, its GSI1/GSI2 listing keys and the
 * inventory index key, plus the SKU guard item), with every name taken from common's
 * {@link Keys}, {@link ProductAttributes} and {@link ShopTable}. The category counter is raised
 * once per load, as the service's transactions would have, so the categories page stays true.
 */
final class BulkProducts {

    private static final int BATCH = 25;

    private final DynamoDbClient dynamoDb;
    private final String table;

    BulkProducts(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** Writes {@code count} products into {@code category} with two writer threads; returns their ids. */
    List<String> load(String category, int firstIndex, int count) throws Exception {
        List<String> ids = new ArrayList<>(count);
        List<WriteRequest> writes = new ArrayList<>(count * 2);
        String now = Instant.now().toString();
        for (int i = firstIndex; i < firstIndex + count; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            String sku = "BULK-" + i;
            writes.add(put(product(id, sku, "Bulk product " + i, category, now)));
            Map<String, AttributeValue> guard = new HashMap<>(Keys.skuGuard(sku).toAttributeMap());
            guard.put("productId", AttributeValue.fromS(id));
            writes.add(put(guard));
        }
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int from = 0; from < writes.size(); from += BATCH) {
                List<WriteRequest> batch = writes.subList(from, Math.min(writes.size(), from + BATCH));
                done.add(writers.submit(() -> writeBatch(batch)));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            writers.shutdown();
        }
        dynamoDb.updateItem(update -> update.tableName(table)
            .key(Keys.category(category).toAttributeMap())
            .updateExpression("ADD #count :delta SET #id = :id, #name = if_not_exists(#name, :name)")
            .expressionAttributeNames(Map.of("#count", "productCount", "#id", "id", "#name", "name"))
            .expressionAttributeValues(Map.of(":delta", AttributeValue.fromN(Integer.toString(count)),
                ":id", AttributeValue.fromS(category), ":name", AttributeValue.fromS("Bulk"))));
        return ids;
    }

    private void writeBatch(List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(table, batch);
        while (!pending.isEmpty()) {
            BatchWriteItemRequest request = BatchWriteItemRequest.builder().requestItems(pending).build();
            BatchWriteItemResponse response = dynamoDb.batchWriteItem(request);
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
        }
    }

    private static Map<String, AttributeValue> product(String id, String sku, String name, String category, String now) {
        Keys.Key key = Keys.product(id);
        String listingSort = Keys.productListingSort(name, id);
        long available = 100;
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ShopTable.PK, AttributeValue.fromS(key.pk()));
        item.put(ShopTable.SK, AttributeValue.fromS(key.sk()));
        item.put(ProductAttributes.ID, AttributeValue.fromS(id));
        item.put(ProductAttributes.SKU, AttributeValue.fromS(sku));
        item.put(ProductAttributes.NAME, AttributeValue.fromS(name));
        item.put(ProductAttributes.DESCRIPTION, AttributeValue.fromS("A product written by the scale benchmark's bulk loader, "
            + "about as long as a real short description so that items have a realistic size."));
        item.put(ProductAttributes.CATEGORY, AttributeValue.fromS(category));
        item.put(ProductAttributes.PRICE_CENTS, AttributeValue.fromN("1999"));
        item.put(ProductAttributes.CURRENCY, AttributeValue.fromS("USD"));
        item.put(ProductAttributes.AVAILABLE, AttributeValue.fromN(Long.toString(available)));
        item.put(ProductAttributes.VERSION, AttributeValue.fromN("1"));
        item.put(ProductAttributes.CREATED_AT, AttributeValue.fromS(now));
        item.put(ProductAttributes.UPDATED_AT, AttributeValue.fromS(now));
        item.put(ShopTable.GSI1.partitionKey(), AttributeValue.fromS(Keys.categoryListing(category)));
        item.put(ShopTable.GSI1.sortKey(), AttributeValue.fromS(listingSort));
        item.put(ShopTable.GSI2.partitionKey(), AttributeValue.fromS(Keys.ALL_PRODUCTS));
        item.put(ShopTable.GSI2.sortKey(), AttributeValue.fromS(listingSort));
        item.put(ShopTable.INVENTORY.partitionKey(), AttributeValue.fromS(Keys.INVENTORY_PARTITION));
        item.put(ShopTable.INVENTORY.sortKey(), AttributeValue.fromN(Long.toString(available)));
        return item;
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }
}
