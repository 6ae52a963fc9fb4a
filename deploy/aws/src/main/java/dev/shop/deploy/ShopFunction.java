package dev.shop.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.shop.common.logging.LogFields;
import dev.shop.common.metrics.Metrics;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.ApplicationLogLevel;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.SystemLogLevel;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * How every function of the shop is deployed, the HTTP services' and the live events' alike: its own log group,
 * its own role with written permissions (no {@code AWSLambdaBasicExecutionRole}, which allows logs anywhere in the
 * account), the newest Java runtime Lambda offers on Graviton with SnapStart, and a published version behind the
 * {@value #ALIAS} alias, so callers always reach a snapshotted version rather than {@code $LATEST}. What a function
 * may do beyond its logs, its owner grants with {@link #allow}.
 */
final class ShopFunction {

    static final String ALIAS = "live";

    private final Function function;
    private final Alias alias;

    /** Declares the function's parts ({@code Logs}, {@code Role}, {@code Function}, {@code Live}) in {@code scope}. */
    ShopFunction(Construct scope, String description, String handler, Path lambdaPackage, StackSettings settings,
                 Map<String, String> environment) {
        LogGroup logs = LogGroup.Builder.create(scope, "Logs")
            .retention(RetentionDays.ONE_MONTH)
            .removalPolicy(settings.tier().removalPolicy())
            .build();
        Role role = Role.Builder.create(scope, "Role")
            .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
            .description(description + ": its log group and what its owner grants")
            .build();
        logs.grantWrite(role);
        Nag.accept(role, "IAM5", "logs:CreateLogStream and logs:PutLogEvents on the log streams (:*) of the"
            + " function's own log group, the narrowest resource for them; xray:PutTraceSegments and"
            + " xray:PutTelemetryRecords for active tracing, which X-Ray grants on * only");
        function = Function.Builder.create(scope, "Function")
            .description(description)
            // The newest Java runtime Lambda offers (the code targets release 17), SnapStart included.
            .runtime(Runtime.JAVA_25)
            .role(role)
            // Graviton: the same Java bytecode, about a fifth cheaper per GB-second.
            .architecture(Architecture.ARM_64)
            .handler(handler)
            .code(Code.fromAsset(existing(lambdaPackage).toString()))
            .memorySize(settings.memoryMb())
            .timeout(Duration.seconds(settings.timeoutSeconds()))
            .environment(withObservability(environment, settings))
            // JSON platform lines (platform.start/report, with init and restore durations) and log levels Lambda
            // hands to the function (AWS_LAMBDA_LOG_LEVEL), which its logback applies: docs/operations.md
            .loggingFormat(LoggingFormat.JSON)
            .applicationLogLevelV2(ApplicationLogLevel.INFO)
            .systemLogLevelV2(SystemLogLevel.INFO)
            // A trace per invocation, started by Lambda: an HTTP API does not trace (docs/operations.md, Tracing)
            .tracing(Tracing.ACTIVE)
            .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
            .logGroup(logs)
            .build();
        // currentVersion publishes a new version whenever the code or the
        // configuration changes; the alias then moves to it.
        alias = Alias.Builder.create(scope, "Live")
            .aliasName(ALIAS)
            .version(function.getCurrentVersion())
            .build();
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
            "published through currentVersion, which the live alias points at");
    }

    /**
     * The callers' environment plus what every function's logs and metrics need: JSON lines
     * ({@code SHOP_LOG_FORMAT}, as LogFields reads it) and the CloudWatch namespace of its EMF metrics.
     */
    static Map<String, String> withObservability(Map<String, String> environment, StackSettings settings) {
        Map<String, String> all = new java.util.LinkedHashMap<>(environment);
        all.put(LogFields.FORMAT_VARIABLE, "json");
        all.put(Metrics.NAMESPACE_VARIABLE, Observability.namespace(settings));
        return all;
    }

    /** Adds a permission to the function's own role. */
    void allow(PolicyStatement statement) {
        function.addToRolePolicy(statement);
    }

    Function function() {
        return function;
    }

    Alias alias() {
        return alias;
    }

    private static Path existing(Path zip) {
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("No Lambda package " + zip.toAbsolutePath()
                + ": build the services first (./mvnw -B -DskipTests package at the repository root)"
                + " or point -c " + StackSettings.LAMBDAS_DIR + "=... at a directory holding <service>.zip");
        }
        return zip;
    }
}
