package dev.shop.deploy;

import java.util.EnumMap;
import java.util.Map;

import dev.shop.common.config.ShopSettings;
import dev.shop.common.lambda.LambdaJvm;
import dev.shop.common.routes.Service;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

/**
 * The whole shop in one stack. Wiring only: every name that must agree with the
 * services comes from {@code common}, every choice from {@link StackSettings}.
 *
 * <p>The outputs carry the field names of the local stack's
 * {@code .local/stack.json}, so a client switches between the two by swapping
 * one file.
 */
final class ShopStack extends Stack {

    ShopStack(Construct scope, StackSettings settings) {
        super(scope, settings.stackName(), StackProps.builder()
            .env(environment(settings))
            .description("Shop: serverless e-commerce on Lambda, API Gateway, Cognito and one DynamoDB table")
            .build());

        ShopData data = new ShopData(this, "Data", settings.tier());
        Identity identity = new Identity(this, "Identity", settings);

        // The cursor HMAC key: generated once by Secrets Manager, unknown to
        // clients and to the template, resolved by CloudFormation into each
        // function's environment (docs/deploy.md explains the trade-off).
        Secret cursorSecret = Secret.Builder.create(this, "CursorSecret")
            .description("HMAC key that makes the shop's pagination cursors tamper-evident")
            .generateSecretString(SecretStringGenerator.builder()
                .passwordLength(64)
                .excludePunctuation(true)
                .build())
            .removalPolicy(settings.tier().removalPolicy())
            .build();

        Map<String, String> environment = Map.of(
            ShopSettings.TABLE_NAME.environmentVariable(), data.table().getTableName(),
            ShopSettings.AUTH_ISSUER.environmentVariable(), identity.issuer(),
            ShopSettings.AUTH_CLIENT_ID.environmentVariable(), identity.clientId(),
            ShopSettings.CURSOR_SECRET.environmentVariable(), cursorSecret.getSecretValue().unsafeUnwrap(),
            "JAVA_TOOL_OPTIONS", LambdaJvm.javaToolOptions(settings.memoryMb()));

        Map<Service, ServiceFunction> functions = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            String id = HttpFront.pascalCase(service);
            functions.put(service, new ServiceFunction(this, id, service, settings, environment, data));
        }
        HttpFront front = new HttpFront(this, "Http", settings, identity, functions);
        LiveEvents live = new LiveEvents(this, "Live", settings, data.table(), environment);

        output("apiUrl", front.url(), "Base URL of the HTTP API");
        output("userPoolId", identity.userPoolId(), "Cognito user pool id");
        output("clientId", identity.clientId(), "Cognito app client id (no secret)");
        output("tableName", data.table().getTableName(), "DynamoDB table name");
        output("region", getRegion(), "AWS region of the stack");
        output("issuer", identity.issuer(), "JWT issuer the API and the services accept");
        output("cognitoEndpoint", identity.cognitoEndpoint(), "Cognito Identity Provider endpoint");
        output("webSocketUrl", live.webSocketUrl(), "WebSocket URL of the live order events (docs/live-events.md)");
    }

    private void output(String name, String value, String description) {
        CfnOutput.Builder.create(this, name).value(value).description(description).build();
    }

    private static Environment environment(StackSettings settings) {
        Environment.Builder env = Environment.builder().region(settings.region());
        settings.account().ifPresent(env::account);
        return env.build();
    }
}
