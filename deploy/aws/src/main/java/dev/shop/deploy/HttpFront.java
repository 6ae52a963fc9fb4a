package dev.shop.deploy;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.shop.common.routes.Cors;
import dev.shop.common.routes.Route;
import dev.shop.common.routes.Routes;
import dev.shop.common.routes.Service;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpJwtAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpJwtAuthorizerProps;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegrationProps;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.CfnStage;
import software.amazon.awscdk.services.apigatewayv2.CorsHttpMethod;
import software.amazon.awscdk.services.apigatewayv2.CorsPreflightOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpRoute;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.PayloadFormatVersion;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The one HTTP API: exactly the routes of {@link Routes#ALL}, each sent to its
 * service's {@code live} alias. Routes a client may call without signing in
 * have no authorizer; every other route needs a JWT of this user pool and app
 * client. Groups are checked by the services, so a shopper on an admin route
 * passes the gateway and gets the service's 403.
 */
final class HttpFront extends Construct {

    /**
     * One JSON object per request, with HTTP API's own context variables: who
     * called which route, what came back and where the time went.
     */
    static final String ACCESS_LOG_FORMAT = "{"
        + "\"requestId\":\"$context.requestId\","
        + "\"requestTime\":\"$context.requestTime\","
        + "\"sourceIp\":\"$context.identity.sourceIp\","
        + "\"userAgent\":\"$context.identity.userAgent\","
        + "\"routeKey\":\"$context.routeKey\","
        + "\"path\":\"$context.path\","
        + "\"status\":\"$context.status\","
        + "\"responseLength\":\"$context.responseLength\","
        + "\"responseLatency\":\"$context.responseLatency\","
        + "\"integrationLatency\":\"$context.integrationLatency\","
        + "\"integrationError\":\"$context.integrationErrorMessage\","
        + "\"authorizerError\":\"$context.authorizer.error\""
        + "}";

    private final HttpApi api;
    private final LogGroup accessLogs;

    HttpFront(Construct scope, String id, StackSettings settings, String corsOrigin, Identity identity,
              Map<Service, ServiceFunction> functions) {
        super(scope, id);
        api = HttpApi.Builder.create(this, "Api")
            .apiName(settings.stackName())
            .description("The shop's one HTTP API: catalog, cart, orders and profiles")
            .corsPreflight(CorsPreflightOptions.builder()
                .allowOrigins(List.of(corsOrigin))
                .allowMethods(Cors.ALLOWED_METHODS.stream().map(CorsHttpMethod::valueOf).toList())
                .allowHeaders(Cors.ALLOWED_HEADERS)
                .exposeHeaders(Cors.EXPOSED_HEADERS)
                .maxAge(Duration.seconds(Cors.MAX_AGE_SECONDS))
                .build())
            // The default stage is declared below, where throttling and access logs can be set.
            .createDefaultStage(false)
            .build();

        accessLogs = LogGroup.Builder.create(this, "AccessLogs")
            .retention(RetentionDays.ONE_MONTH)
            .removalPolicy(settings.tier().removalPolicy())
            .build();
        HttpStage stage = HttpStage.Builder.create(this, "DefaultStage")
            .httpApi(api)
            .stageName("$default")
            .autoDeploy(true)
            .throttle(ThrottleSettings.builder()
                .rateLimit(settings.throttleRate())
                .burstLimit(settings.throttleBurst())
                .build())
            .accessLogSettings(new JsonAccessLogs(new LogGroupLogDestination(accessLogs)))
            .build();

        HttpJwtAuthorizer authorizer = new HttpJwtAuthorizer("CognitoJwt", identity.issuer(),
            HttpJwtAuthorizerProps.builder()
                .authorizerName("cognito-jwt")
                .jwtAudience(List.of(identity.clientId()))
                .build());

        Map<Service, HttpLambdaIntegration> integrations = new EnumMap<>(Service.class);
        functions.forEach((service, function) -> integrations.put(service, integration(service, function.alias())));
        Map<String, Object> writeRouteSettings = new LinkedHashMap<>();
        for (Route route : Routes.ALL) {
            AddRoutesOptions.Builder options = AddRoutesOptions.builder()
                .path(route.path())
                .methods(List.of(HttpMethod.valueOf(route.method())))
                .integration(integrations.get(route.service()));
            if (route.access().needsToken()) {
                options.authorizer(authorizer);
            }
            List<HttpRoute> added = api.addRoutes(options.build());
            if (!route.access().needsToken()) {
                added.forEach(publicRoute -> Nag.accept(publicRoute, "APIG4", "A public catalog read: browsing the"
                    + " catalog needs no account by design (Access.PUBLIC in Routes); throttled with the stage"));
            }
            if (isWrite(route)) {
                // RouteSettings is plain JSON in CloudFormation, keyed by route key: written with its own names.
                writeRouteSettings.put(route.routeKey(), Map.of(
                    "ThrottlingRateLimit", settings.writeThrottleRate(),
                    "ThrottlingBurstLimit", settings.writeThrottleBurst()));
                // CloudFormation rejects settings for a route key that does not exist yet.
                added.forEach(stage.getNode()::addDependency);
            }
        }
        ((CfnStage) stage.getNode().getDefaultChild()).setRouteSettings(writeRouteSettings);
    }

    /** Routes that write: every method but GET. They get the tighter per-route limit. */
    static boolean isWrite(Route route) {
        return !route.method().equals("GET");
    }

    /** The HTTP API, for its metrics (Observability). */
    HttpApi api() {
        return api;
    }

    /** The stage's access log group: one JSON line per request, {@code requestId} the functions' {@code apiRequestId}. */
    LogGroup accessLogs() {
        return accessLogs;
    }

    /** The API's base URL, without a trailing slash (as {@code apiUrl} is locally). */
    String url() {
        return api.getApiEndpoint();
    }

    private static HttpLambdaIntegration integration(Service service, IFunction target) {
        return new HttpLambdaIntegration(pascalCase(service) + "Integration", target,
            HttpLambdaIntegrationProps.builder()
                .payloadFormatVersion(PayloadFormatVersion.VERSION_2_0)
                .build());
    }

    static String pascalCase(Service service) {
        String name = service.name();
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }

    /**
     * Access log settings: a destination, {@link #ACCESS_LOG_FORMAT}. A class
     * with getters only (no record): jsii reads any other method named like a
     * property as an attempt to override it.
     */
    private static final class JsonAccessLogs implements IAccessLogSettings {

        private final IAccessLogDestination target;

        JsonAccessLogs(IAccessLogDestination target) {
            this.target = target;
        }

        @Override
        public IAccessLogDestination getDestination() {
            return target;
        }

        @Override
        public AccessLogFormat getFormat() {
            return AccessLogFormat.custom(ACCESS_LOG_FORMAT);
        }
    }
}
