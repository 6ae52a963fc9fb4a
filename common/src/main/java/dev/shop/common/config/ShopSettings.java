package dev.shop.common.config;

/**
 * The settings every service reads, each with the environment variable that
 * sets it on Lambda (Micronaut maps {@code SHOP_TABLE_NAME} to
 * {@code shop.table-name}). The CDK stack sets these variables and the local
 * stack sets the matching system properties, both from this one list.
 */
public enum ShopSettings {
    /** The single table's name. */
    TABLE_NAME(Names.TABLE_NAME, "SHOP_TABLE_NAME"),
    /** The Cognito user pool issuer, {@code https://cognito-idp.<region>.amazonaws.com/<poolId>}. */
    AUTH_ISSUER(Names.AUTH_ISSUER, "SHOP_AUTH_ISSUER"),
    /**
     * Cognito's API endpoint, where orders-service asks {@code GetUser} for the
     * caller's verified email. Optional: unset, it is the issuer without the
     * pool id, which is right both on AWS and for the local identity provider.
     */
    AUTH_COGNITO_ENDPOINT(Names.AUTH_COGNITO_ENDPOINT, "SHOP_AUTH_COGNITO_ENDPOINT"),
    /** The app client tokens must be issued for. */
    AUTH_CLIENT_ID(Names.AUTH_CLIENT_ID, "SHOP_AUTH_CLIENT_ID"),
    /** Secret from which the AES-GCM key that seals pagination cursors is derived; set locally. */
    CURSOR_SECRET(Names.CURSOR_SECRET, "SHOP_CURSOR_SECRET"),
    /** The Secrets Manager secret holding {@link #CURSOR_SECRET}, read once at start-up; set on AWS. */
    CURSOR_SECRET_ARN(Names.CURSOR_SECRET_ARN, "SHOP_CURSOR_SECRET_ARN"),
    /** The shop's one ISO-4217 currency (default USD). */
    CURRENCY(Names.CURRENCY, "SHOP_CURRENCY"),
    /** DynamoDB endpoint override; unset in AWS, set to DynamoDB Local locally. */
    DYNAMODB_ENDPOINT(Names.DYNAMODB_ENDPOINT, "SHOP_DYNAMODB_ENDPOINT"),
    /** The WebSocket API's connection management endpoint ({@code https://<api>.execute-api.<region>.amazonaws.com/<stage>}). */
    LIVE_CONNECTIONS_ENDPOINT(Names.LIVE_CONNECTIONS_ENDPOINT, "SHOP_LIVE_CONNECTIONS_ENDPOINT"),
    /** Stock at or below which a live low-stock event is pushed to admins (default 5); neither stack sets it. */
    LIVE_LOW_STOCK_THRESHOLD(Names.LIVE_LOW_STOCK_THRESHOLD, "SHOP_LIVE_LOW_STOCK_THRESHOLD");

    /**
     * The property names as compile-time constants, for {@code @Value} on a
     * service's constructor (an annotation cannot call {@link #property()}).
     */
    public static final class Names {
        public static final String TABLE_NAME = "shop.table-name";
        public static final String AUTH_ISSUER = "shop.auth.issuer";
        public static final String AUTH_COGNITO_ENDPOINT = "shop.auth.cognito-endpoint";
        public static final String AUTH_CLIENT_ID = "shop.auth.client-id";
        public static final String CURSOR_SECRET = "shop.cursor.secret";
        public static final String CURSOR_SECRET_ARN = "shop.cursor.secret-arn";
        public static final String CURRENCY = "shop.currency";
        public static final String DYNAMODB_ENDPOINT = "shop.dynamodb.endpoint";
        public static final String LIVE_CONNECTIONS_ENDPOINT = "shop.live.connections-endpoint";
        public static final String LIVE_LOW_STOCK_THRESHOLD = "shop.live.low-stock-threshold";

        private Names() {
        }
    }

    private final String property;
    private final String environmentVariable;

    ShopSettings(String property, String environmentVariable) {
        this.property = property;
        this.environmentVariable = environmentVariable;
    }

    public String property() {
        return property;
    }

    public String environmentVariable() {
        return environmentVariable;
    }
}
