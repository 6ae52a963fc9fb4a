package dev.shop.deploy;

import java.util.List;
import java.util.Map;

import dev.shop.common.routes.Service;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.constructs.Construct;

/**
 * One service on Lambda: its function from the service's Lambda zip, deployed
 * as every function of the shop is ({@link ShopFunction}), with its table
 * grants and the one secret it reads; the API calls its alias {@value #ALIAS}.
 */
final class ServiceFunction extends Construct {

    static final String ALIAS = ShopFunction.ALIAS;

    private final Alias alias;

    ServiceFunction(Construct scope, String id, Service service, StackSettings settings,
                    Map<String, String> environment, ShopData data, ISecret cursorSecret) {
        super(scope, id);
        ShopFunction function = new ShopFunction(this, service.moduleName() + " of the shop", Service.HANDLER,
            service.lambdaPackage(settings.lambdasDir()), settings, environment);
        TableAccess.statements(service, data.table()).forEach(function::allow);
        // Read that one secret, nothing else: not DescribeSecret, as grantRead would add.
        function.allow(PolicyStatement.Builder.create()
            .actions(List.of("secretsmanager:GetSecretValue"))
            .resources(List.of(cursorSecret.getSecretArn()))
            .build());
        alias = function.alias();
    }

    Alias alias() {
        return alias;
    }
}
