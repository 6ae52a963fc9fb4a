package dev.shop.deploy;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.shop.common.config.ShopSettings;
import dev.shop.common.lambda.LambdaJvm;
import dev.shop.common.routes.Service;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.lambda.Function;
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

    private final Map<String, String> outputs = new LinkedHashMap<>();
    private final Map<String, Object> clientSettings = new LinkedHashMap<>();
    private final Storefront storefront;

    ShopStack(Construct scope, StackSettings settings) {
        super(scope, settings.stackName(), StackProps.builder()
            .env(pinnedEnvironment(settings))
            .description("Shop: serverless e-commerce on Lambda, API Gateway, Cognito and one DynamoDB table")
            .build());

        ShopData data = new ShopData(this, "Data", settings.tier(), settings.replicaRegions());
        Identity identity = new Identity(this, "Identity", settings);

        // The secret pagination cursors are sealed with: generated once by
        // Secrets Manager, unknown to clients and to the template. Each
        // function gets only its ARN and reads the value once at init, before
        // the SnapStart snapshot (docs/deploy.md).
        Secret cursorSecret = Secret.Builder.create(this, "CursorSecret")
            .description("Key material that seals the shop's pagination cursors (AES-GCM)")
            .generateSecretString(SecretStringGenerator.builder()
                .passwordLength(64)
                .excludePunctuation(true)
                .build())
            .removalPolicy(settings.tier().removalPolicy())
            .build();
        Nag.accept(cursorSecret, "SMG4", "No scheduled rotation: the functions read the value once at init, so a"
            + " rotation takes effect only on redeploy and invalidates every cursor in flight; rotate by hand as"
            + " docs/deploy.md describes");

        Map<String, String> environment = Map.of(
            ShopSettings.TABLE_NAME.environmentVariable(), data.table().getTableName(),
            ShopSettings.AUTH_ISSUER.environmentVariable(), identity.issuer(),
            ShopSettings.AUTH_CLIENT_ID.environmentVariable(), identity.clientId(),
            ShopSettings.CURSOR_SECRET_ARN.environmentVariable(), cursorSecret.getSecretArn(),
            "JAVA_TOOL_OPTIONS", LambdaJvm.javaToolOptions(settings.memoryMb()));

        Map<Service, ServiceFunction> functions = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            String id = HttpFront.pascalCase(service);
            functions.put(service, new ServiceFunction(this, id, service, settings, environment, data, cursorSecret));
        }
        storefront = new Storefront(this, "Storefront", settings);
        HttpFront front = new HttpFront(this, "Http", settings, settings.storefrontOrigin().orElse(storefront.origin()),
            identity, functions);
        LiveEvents live = new LiveEvents(this, "Live", settings, data.table(), environment);
        List<Observability.Watched> watched = new java.util.ArrayList<>();
        functions.forEach((service, function) ->
            watched.add(new Observability.Watched(HttpFront.pascalCase(service), (Function) function.alias().getVersion().getLambda())));
        live.functions().forEach(function ->
            watched.add(new Observability.Watched("Live" + function.function().getNode().getScope().getNode().getId(), function.function())));
        new Observability(this, "Observability", settings, front.api(), front.accessLogs(), watched, data.table(),
            new Observability.Watched("LiveConsumer", live.consumer().function()), live.deadLetters());

        ApiEdge edge = new ApiEdge(this, "ApiEdge", front.url());

        output("apiUrl", edge.url(), "Base URL of the API: CloudFront in front of the HTTP API (public catalog reads"
            + " cached at the edge, everything else passed through)");
        output("apiOriginUrl", front.url(), "The HTTP API's own endpoint, behind apiUrl");
        output("userPoolId", identity.userPoolId(), "Cognito user pool id");
        output("clientId", identity.clientId(), "Cognito app client id (no secret)");
        output("tableName", data.table().getTableName(), "DynamoDB table name");
        output("region", getRegion(), "AWS region of the stack");
        output("issuer", identity.issuer(), "JWT issuer the API and the services accept");
        output("cognitoEndpoint", identity.cognitoEndpoint(), "Cognito Identity Provider endpoint");
        output("storefrontUrl", storefront.url(), "The storefront and its back office (CloudFront)");
        output("docsUrl", storefront.docsUrl(edge.url()), "The API's interactive documentation (Swagger UI), with"
            + " Try it out sent to apiUrl (docs/api.md)");
        for (String browserSetting : List.of("apiUrl", "cognitoEndpoint", "userPoolId", "clientId", "issuer", "region")) {
            clientSettings.put(browserSetting, outputs.get(browserSetting));
        }
        output("webSocketUrl", live.webSocketUrl(), "WebSocket URL of the live order events (docs/live-events.md)");
        clientSettings.put("webSocketUrl", outputs.get("webSocketUrl"));
    }

    private void output(String name, String value, String description) {
        outputs.put(name, value);
        CfnOutput.Builder.create(this, name).value(value).description(description).build();
    }

    Storefront storefront() {
        return storefront;
    }

    /** What the storefront's config.json holds: the outputs a browser needs, under their stack.json names. */
    Map<String, Object> clientSettings() {
        return Collections.unmodifiableMap(clientSettings);
    }

    /** Where the stacks go; not named environment(): jsii would take that for an override of Stack's property. */
    static Environment pinnedEnvironment(StackSettings settings) {
        Environment.Builder env = Environment.builder().region(settings.region());
        settings.account().ifPresent(env::account);
        return env.build();
    }
}
