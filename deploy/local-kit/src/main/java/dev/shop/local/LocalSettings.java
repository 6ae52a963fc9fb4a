package dev.shop.local;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.shop.common.config.ShopSettings;

/**
 * Configures the services running in this JVM the way the CDK stack configures
 * them on Lambda, but through system properties (the services' class loaders
 * share them) instead of environment variables.
 */
public final class LocalSettings {

    public static final String REGION = "us-east-1";

    private LocalSettings() {
    }

    public static Map<ShopSettings, String> of(String tableName, String issuer, String clientId, String cursorSecret,
                                               String dynamoDbEndpoint) {
        Map<ShopSettings, String> settings = new LinkedHashMap<>();
        settings.put(ShopSettings.TABLE_NAME, tableName);
        settings.put(ShopSettings.AUTH_ISSUER, issuer);
        settings.put(ShopSettings.AUTH_CLIENT_ID, clientId);
        settings.put(ShopSettings.CURSOR_SECRET, cursorSecret);
        settings.put(ShopSettings.DYNAMODB_ENDPOINT, dynamoDbEndpoint);
        return settings;
    }

    public static void apply(Map<ShopSettings, String> settings) {
        settings.forEach((setting, value) -> System.setProperty(setting.property(), value));
        System.setProperty("aws.region", REGION);
        // the services never need real credentials locally; keep the SDK from looking for them
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
    }
}
