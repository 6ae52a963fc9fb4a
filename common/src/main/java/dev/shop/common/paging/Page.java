package dev.shop.common.paging;

import java.util.List;
import java.util.function.Function;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A page of a collection, as every list route of the contract returns it.
 *
 * @param items      this page's items
 * @param nextCursor the cursor of the next page, or null on the last page
 */
@Serdeable
public record Page<T>(List<T> items, @Nullable String nextCursor) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
