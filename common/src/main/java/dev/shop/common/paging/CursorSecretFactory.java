package dev.shop.common.paging;

import dev.shop.common.config.ShopSettings;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Where the cursor key's secret comes from. Locally (and in tests) it is
 * configured directly, {@code shop.cursor.secret}. On AWS the function is
 * given only the secret's ARN, {@code shop.cursor.secret-arn}, and reads the
 * value from Secrets Manager once, while the application context starts: in
 * Lambda's init phase, before the SnapStart snapshot is taken, so a restored
 * function never calls Secrets Manager and the value is never in the
 * function's configuration, where {@code lambda:GetFunctionConfiguration}
 * would show it.
 *
 * <p>The Secrets Manager client is built on the CRT HTTP client the DynamoDB
 * client already loads, used for the one call and closed.
 */
@Factory
class CursorSecretFactory {

    static final String SECRET_PROPERTY = ShopSettings.Names.CURSOR_SECRET;
    static final String SECRET_ARN_PROPERTY = ShopSettings.Names.CURSOR_SECRET_ARN;

    @Context
    CursorSecret cursorSecret(@Nullable @Value("${" + SECRET_PROPERTY + ":}") String secret,
                              @Nullable @Value("${" + SECRET_ARN_PROPERTY + ":}") String secretArn) {
        if (secret != null && !secret.isBlank()) {
            return new CursorSecret(secret);
        }
        if (secretArn != null && !secretArn.isBlank()) {
            return new CursorSecret(fetch(secretArn));
        }
        return new CursorSecret(null);
    }

    private static String fetch(String secretArn) {
        try (SecretsManagerClient client = SecretsManagerClient.builder()
                .httpClientBuilder(AwsCrtHttpClient.builder())
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .build()) {
            return client.getSecretValue(request -> request.secretId(secretArn)).secretString();
        }
    }
}
