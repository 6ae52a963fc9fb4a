package dev.shop.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.shop.common.routes.Service;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * One service on Lambda: its function from the service's Lambda zip, a
 * published version (where SnapStart takes its snapshot) and the alias
 * {@value #ALIAS} that the API calls, so callers always reach a snapshotted
 * version rather than {@code $LATEST}.
 */
final class ServiceFunction extends Construct {

    /** The payload 2.0 handler every service jar runs (the handler is configuration, not code). */
    static final String HANDLER = "io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction";
    static final String ALIAS = "live";

    private final Alias alias;

    ServiceFunction(Construct scope, String id, Service service, StackSettings settings,
                    Map<String, String> environment, ShopData data, ISecret cursorSecret) {
        super(scope, id);
        LogGroup logs = LogGroup.Builder.create(this, "Logs")
            .retention(RetentionDays.ONE_MONTH)
            .removalPolicy(settings.tier().removalPolicy())
            .build();
        // The function's own role with written permissions, instead of the
        // AWSLambdaBasicExecutionRole managed policy (logs anywhere in the account).
        Role role = Role.Builder.create(this, "Role")
            .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
            .description(service.moduleName() + ": its log group, its table grants, the cursor secret")
            .build();
        logs.grantWrite(role);
        Nag.accept(role, "IAM5", "logs:CreateLogStream and logs:PutLogEvents on the log streams (:*) of the"
            + " function's own log group, the narrowest resource for them");
        Function function = Function.Builder.create(this, "Function")
            .description(service.moduleName() + " of the shop")
            // The newest Java runtime Lambda offers (the code targets release 17), SnapStart included.
            .runtime(Runtime.JAVA_25)
            .role(role)
            // Graviton: the same Java bytecode, about a fifth cheaper per GB-second.
            .architecture(Architecture.ARM_64)
            .handler(HANDLER)
            .code(Code.fromAsset(lambdaPackage(settings.lambdasDir(), service).toString()))
            .memorySize(settings.memoryMb())
            .timeout(Duration.seconds(settings.timeoutSeconds()))
            .environment(environment)
            .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
            .logGroup(logs)
            .build();
        TableAccess.statements(service, data.table()).forEach(function::addToRolePolicy);
        // Read that one secret, nothing else: not DescribeSecret, as grantRead would add.
        function.addToRolePolicy(PolicyStatement.Builder.create()
            .actions(List.of("secretsmanager:GetSecretValue"))
            .resources(List.of(cursorSecret.getSecretArn()))
            .build());
        // currentVersion publishes a new version whenever the code or the
        // configuration changes; the alias then moves to it.
        alias = Alias.Builder.create(this, "Live")
            .aliasName(ALIAS)
            .version(function.getCurrentVersion())
            .build();
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
            "published through currentVersion, which the live alias points at");
    }

    Alias alias() {
        return alias;
    }

    private static Path lambdaPackage(Path directory, Service service) {
        Path zip = service.lambdaPackage(directory);
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("No Lambda package " + zip.toAbsolutePath()
                + ": build the services first (./mvnw -B -DskipTests package at the repository root)"
                + " or point -c " + StackSettings.LAMBDAS_DIR + "=... at a directory holding <service>.zip");
        }
        return zip;
    }
}
