package dev.shop.common.table;

import java.util.List;
import java.util.Optional;

import dev.shop.common.config.ShopSettings;

/**
 * The one DynamoDB table every service shares, defined once. The services read
 * it, the local stack creates the table from it and the CDK stack declares the
 * table from it, so key and index names cannot drift apart.
 * See docs/data-model.md for the access patterns each index serves.
 */
public final class ShopTable {

    /** Name used when {@code shop.table-name} is not configured. */
    public static final String DEFAULT_NAME = "shop";

    /** Configuration property naming the table (env {@code SHOP_TABLE_NAME}). */
    public static final String NAME_PROPERTY = ShopSettings.Names.TABLE_NAME;

    public static final String PK = "PK";
    public static final String SK = "SK";

    /** Epoch seconds after which DynamoDB TTL deletes the item (carts, idempotency records). */
    public static final String TTL = "expiresAt";

    /** Overloaded listing index: products by category, orders by status. */
    public static final Index GSI1 = new Index("GSI1", "GSI1PK", "GSI1SK", KeyType.STRING);
    /** Overloaded listing index: all products, a user's orders. */
    public static final Index GSI2 = new Index("GSI2", "GSI2PK", "GSI2SK", KeyType.STRING);
    /** Sparse inventory index: products by units available, lowest first. */
    public static final Index INVENTORY = new Index("inventory", "inventoryPK", "inventorySK", KeyType.NUMBER);
    /** Sparse carts index: one entry per non-empty cart, ordered by last write. */
    public static final Index CARTS = new Index("carts", "cartsPK", "cartsSK", KeyType.STRING);
    /** Profiles index: a profile by its (lower-cased) email. */
    public static final Index PROFILES = new Index("profiles", "profilesPK", null, KeyType.STRING);

    public static final List<Index> INDEXES = List.of(GSI1, GSI2, INVENTORY, CARTS, PROFILES);

    private ShopTable() {
    }

    /** How a key attribute is typed in DynamoDB. */
    public enum KeyType {
        STRING("S"), NUMBER("N");

        private final String code;

        KeyType(String code) {
            this.code = code;
        }

        /** DynamoDB's scalar attribute type code, {@code S} or {@code N}. */
        public String code() {
            return code;
        }
    }

    /**
     * A global secondary index: its partition key is always a string, its sort
     * key (if any) of {@code sortKeyType}. Every index projects all attributes.
     */
    public record Index(String name, String partitionKey, String sortKey, KeyType sortKeyType) {

        public Optional<String> sortKeyAttribute() {
            return Optional.ofNullable(sortKey);
        }
    }
}
