package dev.shop.common.config;

/**
 * The settings every service reads, each with the environment variable that
 * sets it on Lambda (Micronaut maps {@code SHOP_TABLE_NAME} to
 * {@code shop.table-name}). The CDK stack sets these variables and the local
 * stack sets the matching system properties, both from this one list.
 */
public enum ShopSettings {
    /** The single table's name. */
    TABLE_NAME("shop.table-name", "SHOP_TABLE_NAME"),
    /** The Cognito user pool issuer, {@code https://cognito-idp.<region>.amazonaws.com/<poolId>}. */
    AUTH_ISSUER("shop.auth.issuer", "SHOP_AUTH_ISSUER"),
    /**
     * Cognito's API endpoint, where orders-service asks {@code GetUser} for the
     * caller's verified email. Optional: unset, it is the issuer without the
     * pool id, which is right both on AWS and for the local identity provider.
     */
    AUTH_COGNITO_ENDPOINT("shop.auth.cognito-endpoint", "SHOP_AUTH_COGNITO_ENDPOINT"),
    /** The app client tokens must be issued for. */
    AUTH_CLIENT_ID("shop.auth.client-id", "SHOP_AUTH_CLIENT_ID"),
    /** Secret from which the AES-GCM key that seals pagination cursors is derived; set locally. */
    CURSOR_SECRET("shop.cursor.secret", "SHOP_CURSOR_SECRET"),
    /** The Secrets Manager secret holding {@link #CURSOR_SECRET}, read once at start-up; set on AWS. */
    CURSOR_SECRET_ARN("shop.cursor.secret-arn", "SHOP_CURSOR_SECRET_ARN"),
    /** The shop's one ISO-4217 currency (default USD). */
    CURRENCY("shop.currency", "SHOP_CURRENCY"),
    /** DynamoDB endpoint override; unset in AWS, set to DynamoDB Local locally. */
    DYNAMODB_ENDPOINT("shop.dynamodb.endpoint", "SHOP_DYNAMODB_ENDPOINT"),
    /** The WebSocket API's connection management endpoint ({@code https://<api>.execute-api.<region>.amazonaws.com/<stage>}). */
    LIVE_CONNECTIONS_ENDPOINT("shop.live.connections-endpoint", "SHOP_LIVE_CONNECTIONS_ENDPOINT");

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
