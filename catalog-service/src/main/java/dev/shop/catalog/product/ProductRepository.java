package dev.shop.catalog.product;

import static dev.shop.common.table.ProductAttributes.CATEGORY;
import static dev.shop.common.table.ProductAttributes.CURRENCY;
import static dev.shop.common.table.ProductAttributes.DELETED_AT;
import static dev.shop.common.table.ProductAttributes.DESCRIPTION;
import static dev.shop.common.table.ProductAttributes.IMAGE_URL;
import static dev.shop.common.table.ProductAttributes.NAME;
import static dev.shop.common.table.ProductAttributes.PRICE_CENTS;
import static dev.shop.common.table.ProductAttributes.SKU;
import static dev.shop.common.table.ProductAttributes.UPDATED_AT;
import static dev.shop.common.table.ProductAttributes.VERSION;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import dev.shop.catalog.category.CategoryCounts;
import dev.shop.common.config.ShopSettings;
import dev.shop.common.paging.CursorCodec;
import dev.shop.common.paging.CursorScope;
import dev.shop.common.paging.IndexPages;
import dev.shop.common.paging.Page;
import dev.shop.common.paging.PageRequest;
import dev.shop.common.retry.Backoff;
import dev.shop.common.table.Keys;
import dev.shop.common.table.ShopTable;
import dev.shop.common.table.StockExpressions;
import dev.shop.common.table.TableName;
import dev.shop.common.time.Timestamps;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Products on the single table. Reads go through the Enhanced Client. Writes
 * are DynamoDB transactions built with the low-level client, because each one
 * must move the SKU guard and the category counter together with the product
 * and use update expressions ({@code ADD}, {@code REMOVE}, conditions on the
 * stored version) that the Enhanced Client's transactions cannot express.
 */
@Singleton
class ProductRepository {

    /** The guard item's pointer back to the product that owns the SKU. */
    private static final String GUARD_OWNER = "productId";
    /** Tries of one transaction that DynamoDB cancelled only because another transaction held an item. */
    private static final int MAX_CONFLICT_TRIES = 10;

    private final DynamoDbClient client;
    private final DynamoDbTable<ProductItem> table;
    private final String tableName;
    private final CursorCodec cursors;
    private final String currency;
    private final Clock clock;

    ProductRepository(DynamoDbClient client, DynamoDbEnhancedClient enhancedClient, TableName tableName,
                      CursorCodec cursors, Clock clock, @Value("${" + ShopSettings.Names.CURRENCY + ":USD}") String currency) {
        this.client = client;
        this.clock = clock;
        this.table = enhancedClient.table(tableName.value(), ProductItem.SCHEMA);
        this.tableName = tableName.value();
        this.cursors = cursors;
        this.currency = currency;
    }

    /** A live product by id: one strongly consistent GetItem, so a delete is seen at once. A deleted product is absent. */
    Optional<ProductItem> find(String productId) {
        Keys.Key key = Keys.product(productId);
        ProductItem item = table.getItem(r -> r.key(Key.builder().partitionValue(key.pk()).sortValue(key.sk()).build()).consistentRead(true));
        return Optional.ofNullable(item).filter(found -> !found.isDeleted());
    }

    /**
     * A page of live products ordered by name: a Query on GSI1 for one category,
     * on GSI2 for all of them. Deleted products carry neither index's keys.
     */
    Page<ProductItem> list(@Nullable String category, int limit, @Nullable String cursor) {
        ShopTable.Index index = category == null ? ShopTable.GSI2 : ShopTable.GSI1;
        String partition = category == null ? Keys.ALL_PRODUCTS : Keys.categoryListing(category);
        PageRequest request = cursors.pageRequest(CursorScope.of("catalog/products").with("category", category), limit, cursor);
        return IndexPages.query(table.index(index.name()), index,
            QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build()), request, cursors);
    }

    /** Writes the product, its SKU guard and its category's count in one transaction. */
    ProductOutcome create(ProductBody body) {
        String id = UUID.randomUUID().toString();
        ProductItem item = ProductItem.create(id, body, currency, now());
        Writes writes = new Writes()
            .add(Part.PRODUCT, TransactWriteItem.builder().put(Put.builder()
                .tableName(tableName)
                .item(ProductItem.SCHEMA.itemToMap(item, true))
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", ShopTable.PK))
                .build()).build())
            .add(Part.NEW_SKU_GUARD, claimSku(body.sku(), id))
            .add(Part.COUNTER, CategoryCounts.change(tableName, body.category(), 1));
        return run(writes, id, body.sku(), () -> new ProductOutcome.Saved(item));
    }

    /**
     * Replaces the product's descriptive fields, conditioned on the version it
     * was read at ({@code stored}). A new SKU moves the guard and a new
     * category moves one unit between counters, in the same transaction.
     * Stock is not touched: it moves concurrently (checkouts, adjustments)
     * and has its own routes.
     */
    ProductOutcome replace(ProductItem stored, ProductBody body) {
        String productId = stored.id;
        ProductItem replaced = replacement(stored, body);
        Writes writes = new Writes().add(Part.PRODUCT, replaceFields(replaced, stored.version));
        if (!stored.sku.equals(body.sku())) {
            writes.add(Part.NEW_SKU_GUARD, claimSku(body.sku(), productId))
                .add(Part.OLD_SKU_GUARD, releaseSku(stored.sku, productId));
        }
        if (!stored.category.equals(body.category())) {
            writes.add(Part.COUNTER, CategoryCounts.change(tableName, body.category(), 1))
                .add(Part.COUNTER, CategoryCounts.change(tableName, stored.category, -1));
        }
        return run(writes, productId, body.sku(), () -> new ProductOutcome.Saved(replaced));
    }

    /**
     * Soft delete of the product as read ({@code stored}): the item stays (a
     * cancelled order still returns its stock to it) but loses every index
     * key, its SKU guard is released and its category's count goes down, all
     * in one transaction.
     */
    ProductOutcome delete(ProductItem stored) {
        Writes writes = new Writes()
            .add(Part.PRODUCT, markDeleted(stored))
            .add(Part.COUNTER, CategoryCounts.change(tableName, stored.category, -1))
            .add(Part.OLD_SKU_GUARD, releaseSku(stored.sku, stored.id));
        return run(writes, stored.id, stored.sku, () -> new ProductOutcome.Deleted(stored.id));
    }

    private ProductItem replacement(ProductItem stored, ProductBody body) {
        ProductItem item = new ProductItem();
        item.pk = stored.pk;
        item.sk = stored.sk;
        item.id = stored.id;
        item.sku = body.sku();
        item.name = body.name();
        item.description = body.description();
        item.category = body.category();
        item.priceCents = body.priceCents();
        item.currency = stored.currency;
        item.imageUrl = body.imageUrl();
        item.available = stored.available;
        item.version = stored.version + 1;
        item.createdAt = stored.createdAt;
        item.updatedAt = now();
        item.gsi1pk = Keys.categoryListing(body.category());
        item.gsi1sk = Keys.productListingSort(body.name(), stored.id);
        item.gsi2pk = Keys.ALL_PRODUCTS;
        item.gsi2sk = item.gsi1sk;
        item.inventoryPk = Keys.INVENTORY_PARTITION;
        return item;
    }

    private TransactWriteItem replaceFields(ProductItem replaced, long expectedVersion) {
        Expressions e = new Expressions();
        List<String> set = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        set.add(e.name(SKU) + " = " + e.value(AttributeValue.fromS(replaced.sku)));
        set.add(e.name(NAME) + " = " + e.value(AttributeValue.fromS(replaced.name)));
        setOrRemove(e, set, remove, DESCRIPTION, replaced.description);
        set.add(e.name(CATEGORY) + " = " + e.value(AttributeValue.fromS(replaced.category)));
        set.add(e.name(PRICE_CENTS) + " = " + e.value(AttributeValue.fromN(Long.toString(replaced.priceCents))));
        set.add(e.name(CURRENCY) + " = " + e.value(AttributeValue.fromS(replaced.currency)));
        setOrRemove(e, set, remove, IMAGE_URL, replaced.imageUrl);
        set.add(e.name(VERSION) + " = " + e.value(AttributeValue.fromN(Long.toString(replaced.version))));
        set.add(e.name(UPDATED_AT) + " = " + e.value(AttributeValue.fromS(replaced.updatedAt)));
        set.add(e.name(ShopTable.GSI1.partitionKey()) + " = " + e.value(AttributeValue.fromS(replaced.gsi1pk)));
        set.add(e.name(ShopTable.GSI1.sortKey()) + " = " + e.value(AttributeValue.fromS(replaced.gsi1sk)));
        set.add(e.name(ShopTable.GSI2.partitionKey()) + " = " + e.value(AttributeValue.fromS(replaced.gsi2pk)));
        set.add(e.name(ShopTable.GSI2.sortKey()) + " = " + e.value(AttributeValue.fromS(replaced.gsi2sk)));
        set.add(e.name(ShopTable.INVENTORY.partitionKey()) + " = " + e.value(AttributeValue.fromS(replaced.inventoryPk)));
        e.names.putAll(StockExpressions.namesWith(Map.of()));
        set.add(StockExpressions.mirrorAvailable());
        String update = "SET " + String.join(", ", set) + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
        return TransactWriteItem.builder().update(Update.builder()
            .tableName(tableName)
            .key(Keys.product(replaced.id).toAttributeMap())
            .updateExpression(update)
            .conditionExpression(liveAtVersion(e, expectedVersion))
            .expressionAttributeNames(e.names)
            .expressionAttributeValues(e.values)
            .build()).build();
    }

    private TransactWriteItem markDeleted(ProductItem stored) {
        Expressions e = new Expressions();
        String now = now();
        String update = "SET " + e.name(DELETED_AT) + " = " + e.value(AttributeValue.fromS(now))
            + ", " + e.name(UPDATED_AT) + " = " + e.value(AttributeValue.fromS(now))
            + ", " + e.name(VERSION) + " = " + e.value(AttributeValue.fromN(Long.toString(stored.version + 1)))
            + " REMOVE " + String.join(", ", e.name(ShopTable.GSI1.partitionKey()), e.name(ShopTable.GSI1.sortKey()),
                e.name(ShopTable.GSI2.partitionKey()), e.name(ShopTable.GSI2.sortKey()),
                e.name(ShopTable.INVENTORY.partitionKey()), e.name(ShopTable.INVENTORY.sortKey()));
        return TransactWriteItem.builder().update(Update.builder()
            .tableName(tableName)
            .key(Keys.product(stored.id).toAttributeMap())
            .updateExpression(update)
            .conditionExpression(liveAtVersion(e, stored.version))
            .expressionAttributeNames(e.names)
            .expressionAttributeValues(e.values)
            .build()).build();
    }

    private static String liveAtVersion(Expressions e, long version) {
        return "attribute_exists(" + e.name(ShopTable.PK) + ") AND attribute_not_exists(" + e.name(DELETED_AT) + ") AND "
            + e.name(VERSION) + " = " + e.value(AttributeValue.fromN(Long.toString(version)));
    }

    private static void setOrRemove(Expressions e, List<String> set, List<String> remove, String attribute, @Nullable String value) {
        if (value == null) {
            remove.add(e.name(attribute));
        } else {
            set.add(e.name(attribute) + " = " + e.value(AttributeValue.fromS(value)));
        }
    }

    /** The SKU guard: its put fails when another product holds the SKU, which cancels the whole transaction. */
    private TransactWriteItem claimSku(String sku, String productId) {
        Map<String, AttributeValue> guard = new HashMap<>(Keys.skuGuard(sku).toAttributeMap());
        guard.put(GUARD_OWNER, AttributeValue.fromS(productId));
        return TransactWriteItem.builder().put(Put.builder()
            .tableName(tableName)
            .item(guard)
            .conditionExpression("attribute_not_exists(#pk)")
            .expressionAttributeNames(Map.of("#pk", ShopTable.PK))
            .build()).build();
    }

    /** Frees a SKU, only if this product holds it. */
    private TransactWriteItem releaseSku(String sku, String productId) {
        return TransactWriteItem.builder().delete(Delete.builder()
            .tableName(tableName)
            .key(Keys.skuGuard(sku).toAttributeMap())
            .conditionExpression("#owner = :owner")
            .expressionAttributeNames(Map.of("#owner", GUARD_OWNER))
            .expressionAttributeValues(Map.of(":owner", AttributeValue.fromS(productId)))
            .build()).build();
    }

    /**
     * Runs a transaction and reads its end in one place: done, refused by a
     * part's condition (the domain outcome of that part), or cancelled only
     * by concurrent transactions on the same items (two products created in
     * one category at once) through every retry after a short random pause,
     * which is {@code Contended}. No SDK exception leaves this method.
     */
    private ProductOutcome run(Writes writes, String productId, String sku, Supplier<ProductOutcome> done) {
        for (int attempt = 1; ; attempt++) {
            try {
                client.transactWriteItems(b -> b.transactItems(writes.items));
                return done.get();
            } catch (TransactionCanceledException cancelled) {
                List<CancellationReason> reasons = cancelled.cancellationReasons();
                for (int i = 0; i < reasons.size(); i++) {
                    if ("ConditionalCheckFailed".equals(reasons.get(i).code())) {
                        return outcomeOf(new Refusal(writes.parts.get(i)), productId, sku);
                    }
                }
                boolean conflict = reasons.stream().anyMatch(reason -> "TransactionConflict".equals(reason.code()));
                if (!conflict) {
                    throw new IllegalStateException("Product " + productId + ": transaction cancelled: " + reasons, cancelled);
                }
                if (attempt == MAX_CONFLICT_TRIES) {
                    return new ProductOutcome.Contended(productId);
                }
                Backoff.pause(attempt);
            }
        }
    }

    /**
     * The one place where a refused part of a transaction becomes a domain
     * outcome. The product's own condition failing means it is gone or was
     * edited since it was read; which one is told by reading it again.
     */
    private ProductOutcome outcomeOf(Refusal refusal, String productId, String sku) {
        return switch (refusal.part()) {
            case PRODUCT -> find(productId)
                .<ProductOutcome>map(current -> new ProductOutcome.StaleVersion(productId, current.version))
                .orElseGet(() -> new ProductOutcome.NotFound(productId));
            case NEW_SKU_GUARD -> new ProductOutcome.SkuTaken(sku);
            case OLD_SKU_GUARD, COUNTER -> throw new IllegalStateException(
                "Product " + productId + ": the " + refusal.part() + " item refused a write it should always accept");
        };
    }

    private String now() {
        return Timestamps.now(clock);
    }

    /** What each item of a product transaction is, to tell which one refused. */
    private enum Part {
        PRODUCT, NEW_SKU_GUARD, OLD_SKU_GUARD, COUNTER
    }

    private record Refusal(Part part) {
    }

    /** A transaction's items, each with its part, in the order DynamoDB reports cancellation reasons. */
    private static final class Writes {
        private final List<Part> parts = new ArrayList<>();
        private final List<TransactWriteItem> items = new ArrayList<>();

        Writes add(Part part, TransactWriteItem item) {
            parts.add(part);
            items.add(item);
            return this;
        }
    }

    /** Placeholders for one update expression, so attribute names never clash with DynamoDB's reserved words. */
    private static final class Expressions {
        private final Map<String, String> names = new HashMap<>();
        private final Map<String, AttributeValue> values = new HashMap<>();

        String name(String attribute) {
            String placeholder = "#" + attribute;
            names.put(placeholder, attribute);
            return placeholder;
        }

        String value(AttributeValue value) {
            String placeholder = ":v" + values.size();
            values.put(placeholder, value);
            return placeholder;
        }
    }
}
