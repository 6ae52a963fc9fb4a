package dev.shop.deploy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.shop.common.config.ShopSettings;
import dev.shop.common.live.LiveApi;
import dev.shop.common.table.ShopTable;
import dev.shop.common.table.TableGrants;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.NestedStack;
import software.amazon.awscdk.NestedStackProps;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.WebSocketLambdaAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.WebSocketLambdaAuthorizerProps;
import software.amazon.awscdk.aws_apigatewayv2_integrations.WebSocketLambdaIntegration;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.apigatewayv2.WebSocketApi;
import software.amazon.awscdk.services.apigatewayv2.WebSocketRouteOptions;
import software.amazon.awscdk.services.apigatewayv2.WebSocketStage;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.FilterCriteria;
import software.amazon.awscdk.services.lambda.FilterRule;
import software.amazon.awscdk.services.lambda.StartingPosition;
import software.amazon.awscdk.services.lambda.eventsources.DynamoEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsDlq;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * Live order events, wired as {@link LiveApi} says: a WebSocket API whose
 * {@code $connect} sits behind a Lambda REQUEST authorizer (WebSocket APIs
 * have no JWT authorizer) reading the token from {@code Sec-WebSocket-Protocol},
 * the {@code $connect}/{@code $disconnect} function, and the stream consumer
 * fed by an event source mapping on the table's stream (partial batch
 * failures, bisect, bounded retries, an SQS on-failure destination, and a
 * filter so only order and product changes invoke it). All three functions
 * run from orders-service's Lambda jar, which owns orders and connections.
 *
 * <p>A nested stack: the feature's resources (three functions, an API, a
 * queue) sit in their own template below CloudFormation's per-stack limit,
 * and the HTTP shop's template stays as it was.
 */
final class LiveEvents extends NestedStack {

    /** How long a dead-lettered batch's pointer waits to be looked at (the stream itself keeps records 24 hours). */
    private static final int DEAD_LETTER_RETENTION_DAYS = 14;

    private final WebSocketStage stage;
    private final List<ShopFunction> functions = new java.util.ArrayList<>();
    private final ShopFunction consumerFunction;
    private final Queue deadLetters;

    LiveEvents(Construct scope, String id, StackSettings settings, ITable table, Map<String, String> environment) {
        super(scope, id, NestedStackProps.builder()
            .description("Shop live events: WebSocket API and the table stream's consumer")
            .build());
        // The live functions page nothing, so they are not given the cursor secret's ARN (nor may they read it).
        Map<String, String> liveEnvironment = new HashMap<>(environment);
        liveEnvironment.remove(ShopSettings.CURSOR_SECRET_ARN.environmentVariable());

        Alias authorizer = function("Authorizer", LiveApi.AUTHORIZER_HANDLER,
            "WebSocket $connect authorizer: the shop's Cognito token check", settings, liveEnvironment).alias();
        ShopFunction connectionsFunction = function("Connections", LiveApi.CONNECTIONS_HANDLER,
            "WebSocket $connect/$disconnect: connection items in the table", settings, liveEnvironment);
        TableAccess.statements(TableGrants.LIVE_CONNECTIONS, table).forEach(connectionsFunction::allow);
        Alias connections = connectionsFunction.alias();

        WebSocketLambdaAuthorizer requestAuthorizer = new WebSocketLambdaAuthorizer("TokenAuthorizer", authorizer,
            WebSocketLambdaAuthorizerProps.builder()
                .authorizerName("cognito-token")
                .identitySource(List.of("route.request.header." + LiveApi.TOKEN_HEADER))
                .build());
        WebSocketApi.Builder api = WebSocketApi.Builder.create(this, "Api")
            .apiName(settings.stackName() + "-live")
            .description("The shop's live events: order status and stock alerts pushed to signed-in clients");
        for (LiveApi.WebSocketRoute route : LiveApi.ROUTES) {
            WebSocketRouteOptions.Builder options = WebSocketRouteOptions.builder()
                .integration(new WebSocketLambdaIntegration(integrationId(route), connections));
            if (route.authorized()) {
                options.authorizer(requestAuthorizer);
            }
            switch (route.routeKey()) {
                case "$connect" -> api.connectRouteOptions(options.build());
                case "$disconnect" -> api.disconnectRouteOptions(options.build());
                default -> throw new IllegalStateException("No wiring for WebSocket route " + route.routeKey());
            }
        }
        WebSocketApi webSocketApi = api.build();
        Nag.accept(webSocketApi, "APIG4", "$disconnect has no authorizer because WebSocket APIs authorize only"
            + " $connect: API Gateway calls $disconnect for a connection its authorizer already allowed");
        stage = WebSocketStage.Builder.create(this, "Stage")
            .webSocketApi(webSocketApi)
            .stageName(LiveApi.STAGE)
            .autoDeploy(true)
            .throttle(ThrottleSettings.builder()
                .rateLimit(settings.throttleRate())
                .burstLimit(settings.throttleBurst())
                .build())
            .build();

        Nag.accept(stage, "APIG1", "No stage access log: WebSocket access logging needs the account-wide API Gateway"
            + " CloudWatch role, an account setting this stack does not own; the connections function logs every"
            + " $connect and $disconnect");

        Map<String, String> consumerEnvironment = new HashMap<>(liveEnvironment);
        consumerEnvironment.put(ShopSettings.LIVE_CONNECTIONS_ENDPOINT.environmentVariable(), stage.getCallbackUrl());
        consumerFunction = function("Consumer", LiveApi.STREAM_HANDLER,
            "Table stream consumer: order and stock events pushed to WebSocket clients", settings, consumerEnvironment);
        TableAccess.statements(TableGrants.LIVE_CONSUMER, table).forEach(consumerFunction::allow);
        Alias consumer = consumerFunction.alias();
        Nag.accept(consumerFunction.function(), "IAM5", "The event source mapping's stream read includes"
            + " dynamodb:ListStreams, which IAM grants on * only; execute-api:ManageConnections names this API's"
            + " stage and POST @connections/* because connection ids are not known in advance");
        // execute-api:ManageConnections on this API's stage only
        stage.grantManagementApiAccess(consumer);

        deadLetters = Queue.Builder.create(this, "DeadLetters")
            .retentionPeriod(Duration.days(DEAD_LETTER_RETENTION_DAYS))
            .encryption(QueueEncryption.SQS_MANAGED)
            .enforceSsl(true)
            .build();
        Nag.accept(deadLetters, "SQS3", "This queue is the stream mapping's on-failure destination, itself a dead-letter"
            + " queue: its messages are looked at by an operator, not consumed");
        LiveApi.StreamSource source = LiveApi.STREAM;
        consumer.addEventSource(DynamoEventSource.Builder.create(table)
            .startingPosition(StartingPosition.LATEST)
            .batchSize(source.batchSize())
            .maxBatchingWindow(Duration.seconds(source.maxBatchingWindow().toSeconds()))
            .reportBatchItemFailures(true)
            .bisectBatchOnError(source.bisectOnError())
            .retryAttempts(source.maxRetryAttempts())
            .onFailure(new SqsDlq(deadLetters))
            .filters(List.of(FilterCriteria.filter(Map.of("dynamodb", Map.of("Keys",
                Map.of(ShopTable.SK, Map.of("S", FilterRule.or(source.sortKeys().toArray(String[]::new)))))))))
            .build());
    }

    /** {@code wss://<api>.execute-api.<region>.amazonaws.com/live}. */
    String webSocketUrl() {
        return stage.getUrl();
    }

    private static String integrationId(LiveApi.WebSocketRoute route) {
        return route.routeKey().replace("$", "").substring(0, 1).toUpperCase() + route.routeKey().substring(2) + "Integration";
    }

    /** The three live functions, for their metrics and logs (Observability). */
    List<ShopFunction> functions() {
        return List.copyOf(functions);
    }

    /** The table stream's consumer, whose iterator age says how far behind the pushes are. */
    ShopFunction consumer() {
        return consumerFunction;
    }

    /** The stream mapping's on-failure destination: a message here is a batch of events never pushed. */
    Queue deadLetters() {
        return deadLetters;
    }

    /** A function from orders-service's jar with one of the live handlers, deployed as every shop function is. */
    private ShopFunction function(String id, String handler, String description, StackSettings settings,
                                  Map<String, String> environment) {
        ShopFunction function = new ShopFunction(new Construct(this, id), LiveApi.SERVICE.moduleName() + " live events: " + description,
            handler, LiveApi.SERVICE.lambdaPackage(settings.lambdasDir()), settings, environment);
        functions.add(function);
        return function;
    }
}
