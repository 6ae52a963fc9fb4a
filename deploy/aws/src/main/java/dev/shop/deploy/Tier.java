package dev.shop.deploy;

import java.util.Locale;

import software.amazon.awscdk.RemovalPolicy;

/**
 * What kind of deployment this is, chosen with {@code -c shop:env=prod|sandbox}.
 * It decides only what happens to stateful resources (the table, the user pool,
 * the cursor secret, the logs) when they leave the stack.
 */
enum Tier {
    /** Data outlives the stack: retained on delete, and the table and pool refuse deletion. */
    PROD,
    /** A throwaway: {@code cdk destroy} removes everything, data included. */
    SANDBOX;

    static Tier parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                "shop:env must be 'prod' or 'sandbox', was '" + value + "'", e);
        }
    }

    RemovalPolicy removalPolicy() {
        return this == PROD ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    }

    boolean deletionProtection() {
        return this == PROD;
    }
}
