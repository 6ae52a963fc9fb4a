package dev.shop.common.paging;

import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a client asked for: a page size (already validated to 1..100), the
 * decoded position after which the page starts, if any, and the scope the
 * next page's cursor is sealed to.
 */
public record PageRequest(int limit, @Nullable Map<String, AttributeValue> exclusiveStartKey, CursorScope scope) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
}
