package dev.shop.catalog.category;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import dev.shop.common.table.Keys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The per-category counter items ({@link Keys#category}). Every product write
 * that moves a count (create, delete, a change of category) puts one of these
 * updates into its own transaction, so a count never drifts from the products
 * it counts and listing the categories never reads a product.
 */
public final class CategoryCounts {

    static final String ID = "id";
    static final String NAME = "name";
    static final String PRODUCT_COUNT = "productCount";

    private CategoryCounts() {
    }

    /**
     * The counter update for a transaction: {@code ADD} creates the counter at
     * zero on a category's first product, and the display name is written once.
     * It is a low-level update because the Enhanced Client cannot express
     * {@code ADD} or {@code if_not_exists} inside a transaction.
     */
    public static TransactWriteItem change(String tableName, String slug, long delta) {
        return TransactWriteItem.builder().update(Update.builder()
            .tableName(tableName)
            .key(Keys.category(slug).toAttributeMap())
            .updateExpression("ADD #count :delta SET #id = :id, #name = if_not_exists(#name, :name)")
            .expressionAttributeNames(Map.of("#count", PRODUCT_COUNT, "#id", ID, "#name", NAME))
            .expressionAttributeValues(Map.of(
                ":delta", AttributeValue.fromN(Long.toString(delta)),
                ":id", AttributeValue.fromS(slug),
                ":name", AttributeValue.fromS(displayName(slug))))
            .build()).build();
    }

    /** A category's name for people, from its slug: {@code home-kitchen} is "Home Kitchen". */
    static String displayName(String slug) {
        String name = Arrays.stream(slug.split("-"))
            .filter(word -> !word.isEmpty())
            .map(word -> word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1))
            .collect(Collectors.joining(" "));
        return name.isEmpty() ? slug : name;
    }
}
