package dev.shop.common.table;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/** The configured name of the single table, injected where a request names it. */
@Singleton
public final class TableName {

    private final String value;

    public TableName(@Value("${" + ShopTable.NAME_PROPERTY + ":" + ShopTable.DEFAULT_NAME + "}") String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
