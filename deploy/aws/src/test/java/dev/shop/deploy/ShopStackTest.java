package dev.shop.deploy;

import static dev.shop.deploy.SynthesizedShop.at;
import static dev.shop.deploy.SynthesizedShop.getAtt;
import static dev.shop.deploy.SynthesizedShop.ref;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.shop.common.config.ShopSettings;
import dev.shop.common.routes.Route;
import dev.shop.common.routes.Routes;
import dev.shop.common.routes.Service;
import dev.shop.common.table.ShopTable;
import dev.shop.common.table.TableGrants;

/**
 * The synthesized template of a production deployment (the default tier) in
 * eu-central-1 for one storefront origin, read resource by resource.
 */
class ShopStackTest {

    private static final String REGION = "eu-central-1";
    private static final String STOREFRONT = "https://shop.example.com";
    private static final String ISSUER_PREFIX = "https://cognito-idp." + REGION + ".amazonaws.com/";

    private static SynthesizedShop shop;

    @BeforeAll
    static void synthesize() {
        shop = SynthesizedShop.synthesize(Map.of(
            StackSettings.REGION, REGION,
            StackSettings.STOREFRONT_ORIGIN, STOREFRONT));
    }

    // --- the table

    @Test
    void tableIsKeyedByShopTableKeysOnDemandWithTtlStreamAndPointInTimeRecovery() {
        Map<String, Object> table = shop.only("AWS::DynamoDB::Table");

        assertKeysBillingTtlAndStream(table);
        assertThat((Object) at(table, "PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled")).isEqualTo(true);
    }

    /**
     * What the single-region table and the global table share: {@code ShopTable}'s keys, on demand, its TTL
     * attribute, and a stream with both images (live events read it; global replication is built on it).
     */
    @SuppressWarnings("unchecked")
    static void assertKeysBillingTtlAndStream(Map<String, Object> table) {
        assertThat((List<Object>) at(table, "KeySchema")).containsExactly(
            Map.of("AttributeName", ShopTable.PK, "KeyType", "HASH"),
            Map.of("AttributeName", ShopTable.SK, "KeyType", "RANGE"));
        assertThat((Object) at(table, "BillingMode")).isEqualTo("PAY_PER_REQUEST");
        assertThat((Object) at(table, "TimeToLiveSpecification"))
            .isEqualTo(Map.of("AttributeName", ShopTable.TTL, "Enabled", true));
        assertThat((Object) at(table, "StreamSpecification", "StreamViewType")).isEqualTo("NEW_AND_OLD_IMAGES");
    }

    @Test
    void everyIndexOfShopTableIsDeclaredWithItsKeysTheirTypesAndAllAttributes() {
        Map<String, Object> table = shop.only("AWS::DynamoDB::Table");
        List<Map<String, Object>> indexes = at(table, "GlobalSecondaryIndexes");
        Map<String, String> attributeTypes = ((List<Map<String, String>>) at(table, "AttributeDefinitions")).stream()
            .collect(Collectors.toMap(a -> a.get("AttributeName"), a -> a.get("AttributeType")));

        assertThat(indexes).extracting(index -> index.get("IndexName"))
            .containsExactlyInAnyOrderElementsOf(ShopTable.INDEXES.stream().map(ShopTable.Index::name).toList());
        for (ShopTable.Index expected : ShopTable.INDEXES) {
            Map<String, Object> index = indexes.stream()
                .filter(candidate -> candidate.get("IndexName").equals(expected.name()))
                .findFirst().orElseThrow();
            List<Map<String, String>> keySchema = new ArrayList<>(
                List.of(Map.of("AttributeName", expected.partitionKey(), "KeyType", "HASH")));
            expected.sortKeyAttribute().ifPresent(sortKey ->
                keySchema.add(Map.of("AttributeName", sortKey, "KeyType", "RANGE")));

            assertThat((Object) at(index, "KeySchema")).as(expected.name()).isEqualTo(keySchema);
            assertThat((Object) at(index, "Projection", "ProjectionType")).isEqualTo("ALL");
            assertThat(attributeTypes.get(expected.partitionKey())).isEqualTo("S");
            expected.sortKeyAttribute().ifPresent(sortKey ->
                assertThat(attributeTypes.get(sortKey)).as(sortKey).isEqualTo(expected.sortKeyType().code()));
        }
    }

    @Test
    void productionKeepsTheTableThePoolAndTheSecretAndProtectsThemFromDeletion() {
        Map<String, Object> table = shop.resources("AWS::DynamoDB::Table").values().iterator().next();
        Map<String, Object> pool = shop.resources("AWS::Cognito::UserPool").values().iterator().next();
        Map<String, Object> secret = shop.resources("AWS::SecretsManager::Secret").values().iterator().next();

        assertThat(table).containsEntry("DeletionPolicy", "Retain");
        assertThat((Object) at(table, "Properties", "DeletionProtectionEnabled")).isEqualTo(true);
        assertThat(pool).containsEntry("DeletionPolicy", "Retain");
        assertThat((Object) at(pool, "Properties", "DeletionProtection")).isEqualTo("ACTIVE");
        assertThat(secret).containsEntry("DeletionPolicy", "Retain");
    }

    // --- the functions

    @Test
    void threeFunctionsRunThePayload2HandlerOnJava25WithSnapStartAndTheDefaultSizing() {
        Map<String, Map<String, Object>> functions = shop.resources("AWS::Lambda::Function");

        assertThat(functions).hasSize(3);
        for (Map<String, Object> function : functions.values()) {
            Map<String, Object> properties = SynthesizedShop.properties(function);
            assertThat((Object) at(properties, "Runtime")).isEqualTo("java25");
            assertThat((Object) at(properties, "Handler"))
                .isEqualTo("io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction");
            assertThat((Object) at(properties, "SnapStart")).isEqualTo(Map.of("ApplyOn", "PublishedVersions"));
            assertThat(((Number) at(properties, "MemorySize")).intValue()).isEqualTo(1024);
            assertThat(((Number) at(properties, "Timeout")).intValue()).isEqualTo(15);
        }
        assertThat(functions.values()).extracting(f -> (String) at(f, "Properties", "Description"))
            .allSatisfy(description -> assertThat(description).isNotBlank())
            .hasSize(3)
            .anySatisfy(d -> assertThat(d).startsWith("catalog-service"))
            .anySatisfy(d -> assertThat(d).startsWith("cart-service"))
            .anySatisfy(d -> assertThat(d).startsWith("orders-service"));
    }

    @Test
    void everyFunctionGetsTheSharedSettingsAndNoDynamoDbEndpointOverride() {
        String table = shop.onlyId("AWS::DynamoDB::Table");
        String pool = shop.onlyId("AWS::Cognito::UserPool");
        String client = shop.onlyId("AWS::Cognito::UserPoolClient");
        String secret = shop.onlyId("AWS::SecretsManager::Secret");

        for (Map<String, Object> function : shop.resources("AWS::Lambda::Function").values()) {
            Map<String, Object> variables = at(function, "Properties", "Environment", "Variables");

            assertThat(variables.keySet()).containsExactlyInAnyOrder(
                ShopSettings.TABLE_NAME.environmentVariable(),
                ShopSettings.AUTH_ISSUER.environmentVariable(),
                ShopSettings.AUTH_CLIENT_ID.environmentVariable(),
                ShopSettings.CURSOR_SECRET_ARN.environmentVariable(),
                "JAVA_TOOL_OPTIONS", "SHOP_LOG_FORMAT", "SHOP_METRICS_NAMESPACE");
            assertThat(variables).doesNotContainKey(ShopSettings.DYNAMODB_ENDPOINT.environmentVariable());
            assertThat(variables.get("SHOP_TABLE_NAME")).isEqualTo(ref(table));
            assertThat(variables.get("SHOP_AUTH_ISSUER")).isEqualTo(issuerOf(pool));
            assertThat(variables.get("SHOP_AUTH_CLIENT_ID")).isEqualTo(ref(client));
            // Only the secret's ARN: the function reads the value itself at init, so no one reads
            // it from the function's configuration.
            assertThat(variables.get("SHOP_CURSOR_SECRET_ARN")).isEqualTo(ref(secret));
            assertThat(variables).doesNotContainKey(ShopSettings.CURSOR_SECRET.environmentVariable());
            assertThat(variables.get("JAVA_TOOL_OPTIONS"))
                .isEqualTo("-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -XX:MetaspaceSize=64m -Xmn102m");
        }
    }

    @Test
    void eachFunctionHasOnePublishedVersionBehindTheLiveAlias() {
        Set<String> functions = shop.resources("AWS::Lambda::Function").keySet();
        Map<String, Map<String, Object>> versions = shop.resources("AWS::Lambda::Version");
        Map<String, Map<String, Object>> aliases = shop.resources("AWS::Lambda::Alias");

        assertThat(versions).hasSize(3);
        assertThat(aliases).hasSize(3);
        assertThat(versions.values()).extracting(v -> at(v, "Properties", "FunctionName"))
            .containsExactlyInAnyOrderElementsOf(functions.stream().map(SynthesizedShop::ref).toList());
        for (Map<String, Object> alias : aliases.values()) {
            Map<String, Object> properties = SynthesizedShop.properties(alias);
            String function = at(properties, "FunctionName", "Ref");
            String version = versionOf(function);

            assertThat((Object) at(properties, "Name")).isEqualTo("live");
            assertThat((Object) at(properties, "FunctionVersion")).isEqualTo(getAtt(version, "Version"));
        }
    }

    // --- the API

    @Test
    void everyRouteOfTheRouteTableReachesItsOwnServicesLiveAlias() {
        Map<String, Map<String, Object>> routes = routesByKey();

        assertThat(routes.keySet())
            .containsExactlyInAnyOrderElementsOf(Routes.ALL.stream().map(Route::routeKey).toList());
        for (Route route : Routes.ALL) {
            String integration = at(routes.get(route.routeKey()), "Target", "Fn::Join", 1, 1, "Ref");
            Map<String, Object> integrationProperties = shop.properties("AWS::ApiGatewayV2::Integration", integration);
            String alias = at(integrationProperties, "IntegrationUri", "Ref");
            String function = at(shop.properties("AWS::Lambda::Alias", alias), "FunctionName", "Ref");
            String description = at(shop.properties("AWS::Lambda::Function", function), "Description");

            assertThat(description).as(route.routeKey()).startsWith(route.service().moduleName() + " ");
            assertThat((Object) at(integrationProperties, "IntegrationType")).isEqualTo("AWS_PROXY");
            assertThat((Object) at(integrationProperties, "PayloadFormatVersion")).isEqualTo("2.0");
        }
        assertThat(shop.resources("AWS::ApiGatewayV2::Integration")).hasSize(Service.values().length);
    }

    @Test
    void publicRoutesHaveNoAuthorizerAndEveryOtherRouteTheCognitoJwtAuthorizer() {
        String authorizer = shop.onlyId("AWS::ApiGatewayV2::Authorizer");
        Map<String, Map<String, Object>> routes = routesByKey();

        for (Route route : Routes.ALL) {
            Map<String, Object> properties = routes.get(route.routeKey());
            if (route.access().needsToken()) {
                assertThat(properties).as(route.routeKey())
                    .containsEntry("AuthorizationType", "JWT")
                    .containsEntry("AuthorizerId", ref(authorizer));
            } else {
                assertThat(properties).as(route.routeKey())
                    .containsEntry("AuthorizationType", "NONE")
                    .doesNotContainKey("AuthorizerId");
            }
        }
        assertThat(Routes.ALL).anyMatch(route -> !route.access().needsToken());
    }

    @Test
    void jwtAuthorizerTrustsOnlyTheUserPoolsIssuerAndTheAppClient() {
        Map<String, Object> authorizer = shop.only("AWS::ApiGatewayV2::Authorizer");
        String pool = shop.onlyId("AWS::Cognito::UserPool");
        String client = shop.onlyId("AWS::Cognito::UserPoolClient");

        assertThat((Object) at(authorizer, "AuthorizerType")).isEqualTo("JWT");
        assertThat((Object) at(authorizer, "IdentitySource")).isEqualTo(List.of("$request.header.Authorization"));
        assertThat((Object) at(authorizer, "JwtConfiguration", "Issuer")).isEqualTo(issuerOf(pool));
        assertThat((Object) at(authorizer, "JwtConfiguration", "Audience")).isEqualTo(List.of(ref(client)));
    }

    @Test
    void defaultStageThrottlesAndWritesOneJsonAccessLogLinePerRequest() {
        Map<String, Object> stage = shop.only("AWS::ApiGatewayV2::Stage");
        String logGroup = at(stage, "AccessLogSettings", "DestinationArn", "Fn::GetAtt", 0);
        String format = at(stage, "AccessLogSettings", "Format");

        assertThat((Object) at(stage, "StageName")).isEqualTo("$default");
        assertThat((Object) at(stage, "AutoDeploy")).isEqualTo(true);
        assertThat(((Number) at(stage, "DefaultRouteSettings", "ThrottlingRateLimit")).intValue()).isEqualTo(100);
        assertThat(((Number) at(stage, "DefaultRouteSettings", "ThrottlingBurstLimit")).intValue()).isEqualTo(200);
        assertThat(shop.resources("AWS::Logs::LogGroup")).containsKey(logGroup);
        assertThat(format).startsWith("{").endsWith("}")
            .contains("\"requestId\":\"$context.requestId\"", "\"status\":\"$context.status\"",
                "\"routeKey\":\"$context.routeKey\"", "\"integrationError\":\"$context.integrationErrorMessage\"");
    }

    @Test
    void corsAllowsOnlyTheStorefrontOriginTheRoutesMethodsAndTheContractsHeaders() {
        Map<String, Object> cors = at(shop.only("AWS::ApiGatewayV2::Api"), "CorsConfiguration");

        assertThat((Object) at(cors, "AllowOrigins")).isEqualTo(List.of(STOREFRONT));
        assertThat((List<String>) at(cors, "AllowMethods")).containsExactlyInAnyOrder("GET", "POST", "PUT", "DELETE");
        assertThat((List<String>) at(cors, "AllowHeaders"))
            .contains("Authorization", "Content-Type", "If-Match", "Idempotency-Key");
        assertThat((List<String>) at(cors, "ExposeHeaders")).contains("Location");
    }

    // --- least privilege

    @Test
    void eachFunctionMayUseExactlyItsTableGrantsEachOnItsOwnTargetWithItsLeadingKeys() {
        String table = shop.onlyId("AWS::DynamoDB::Table");
        Map<Service, List<Map<String, Object>>> granted = tableStatementsByService();

        assertThat(granted.keySet()).containsExactlyInAnyOrder(Service.values());
        for (Service service : Service.values()) {
            List<Map<String, Object>> expected = TableGrants.of(service).stream().map(grant -> {
                Map<String, Object> statement = new HashMap<>();
                statement.put("Effect", "Allow");
                statement.put("Action", grant.actions().stream().map(TableGrants.Action::iamName).sorted().toList());
                statement.put("Resource", grant.index()
                    .<Object>map(index -> Map.of("Fn::Join", List.of("", List.of(getAtt(table, "Arn"), "/index/" + index.name()))))
                    .orElse(getAtt(table, "Arn")));
                if (!grant.leadingKeys().isEmpty()) {
                    statement.put("Condition", Map.of("ForAllValues:StringLike", Map.of("dynamodb:LeadingKeys", grant.leadingKeys())));
                }
                return (Map<String, Object>) statement;
            }).toList();
            assertThat(granted.get(service).stream().map(ShopStackTest::withSortedActions).toList())
                .as(service.name()).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void tableGrantsNameOnlyRealIamActionsAndTheTransactionsPerItemActions() {
        Set<String> actions = tableStatementsByService().values().stream().flatMap(List::stream)
            .flatMap(statement -> asList(statement.get("Action")).stream()).map(String::valueOf)
            .collect(Collectors.toCollection(TreeSet::new));

        // TransactWriteItems is an API operation, not an IAM action: its items are authorized one by one.
        assertThat(actions).containsExactly("dynamodb:BatchGetItem", "dynamodb:DeleteItem", "dynamodb:GetItem",
            "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem");
    }

    @Test
    void cartMayTouchOnlyCartPartitionsAndReadProductsAndQueryOnlyTheCartsIndex() {
        String table = shop.onlyId("AWS::DynamoDB::Table");
        List<Map<String, Object>> cart = tableStatementsByService().get(Service.CART);

        assertThat(cart).hasSize(2);
        Map<String, Object> onTable = cart.stream().filter(s -> getAtt(table, "Arn").equals(s.get("Resource"))).findFirst().orElseThrow();
        assertThat((Object) at(onTable, "Condition", "ForAllValues:StringLike", "dynamodb:LeadingKeys"))
            .isEqualTo(List.of("CART#*", "PRODUCT#*"));
        Map<String, Object> onIndex = cart.stream().filter(s -> s != onTable).findFirst().orElseThrow();
        assertThat((Object) at(onIndex, "Resource", "Fn::Join", 1, 1)).isEqualTo("/index/carts");
        assertThat((Object) at(onIndex, "Action")).isEqualTo("dynamodb:Query");
        assertThat((Object) at(onIndex, "Condition", "ForAllValues:StringLike", "dynamodb:LeadingKeys")).isEqualTo(List.of("CARTS"));
    }

    @Test
    void eachFunctionMayReadTheCursorSecretAndNoOtherSecretNorDescribeIt() {
        String secret = shop.onlyId("AWS::SecretsManager::Secret");
        List<Map<String, Object>> secretStatements = new ArrayList<>();
        for (Map<String, Object> policy : shop.resources("AWS::IAM::Policy").values()) {
            List<Map<String, Object>> statements = at(policy, "Properties", "PolicyDocument", "Statement");
            statements.stream()
                .filter(statement -> asList(statement.get("Action")).stream().anyMatch(a -> a.toString().startsWith("secretsmanager:")))
                .forEach(secretStatements::add);
        }

        assertThat(secretStatements).hasSize(3).allSatisfy(statement -> assertThat(statement)
            .containsEntry("Action", "secretsmanager:GetSecretValue")
            .containsEntry("Resource", ref(secret))
            .containsEntry("Effect", "Allow"));
        assertThat(shop.template().toJSON().toString()).doesNotContain("resolve:secretsmanager");
    }

    @Test
    void functionsUseTheirOwnRolesWithWrittenPoliciesAndNoManagedPolicy() {
        Map<String, Map<String, Object>> roles = shop.resources("AWS::IAM::Role");

        assertThat(roles.values()).filteredOn(role -> at(role, "Properties", "AssumeRolePolicyDocument").toString()
            .contains("lambda.amazonaws.com")).hasSize(3)
            .allSatisfy(role -> assertThat(SynthesizedShop.properties(role)).doesNotContainKey("ManagedPolicyArns"));
        for (Map<String, Object> function : shop.resources("AWS::Lambda::Function").values()) {
            String role = at(function, "Properties", "Role", "Fn::GetAtt", 0);
            String logGroup = at(function, "Properties", "LoggingConfig", "LogGroup", "Ref");
            Map<String, Object> policy = shop.resources("AWS::IAM::Policy").values().stream()
                .filter(candidate -> ref(role).equals(at(candidate, "Properties", "Roles", 0)))
                .findFirst().orElseThrow();
            List<Map<String, Object>> statements = at(policy, "Properties", "PolicyDocument", "Statement");

            assertThat(statements).anySatisfy(statement -> {
                assertThat((Object) statement.get("Action")).isEqualTo(List.of("logs:CreateLogStream", "logs:PutLogEvents"));
                assertThat((Object) statement.get("Resource")).isEqualTo(getAtt(logGroup, "Arn"));
            });
        }
    }

    @Test
    void everyWriteRouteIsThrottledTighterThanTheStageAndReadsUseTheStageLimit() {
        Map<String, Object> stage = shop.only("AWS::ApiGatewayV2::Stage");
        Map<String, Map<String, Object>> routeSettings = at(stage, "RouteSettings");

        assertThat(routeSettings.keySet()).containsExactlyInAnyOrderElementsOf(Routes.ALL.stream()
            .filter(route -> !route.method().equals("GET")).map(Route::routeKey).toList());
        assertThat(routeSettings.values()).allSatisfy(settings -> {
            assertThat(((Number) settings.get("ThrottlingRateLimit")).intValue()).isEqualTo(20);
            assertThat(((Number) settings.get("ThrottlingBurstLimit")).intValue()).isEqualTo(40);
        });
        assertThat(routeSettings).containsKeys("POST /orders", "PUT /cart/items/{productId}", "PUT /profile");
        List<Object> dependsOn = asList(shop.resources("AWS::ApiGatewayV2::Stage").values().iterator().next().get("DependsOn"));
        for (String routeKey : routeSettings.keySet()) {
            assertThat(dependsOn).as("the stage waits for the route its settings name: " + routeKey)
                .contains(shop.idOf("AWS::ApiGatewayV2::Route", route -> routeKey.equals(route.get("RouteKey"))));
        }
    }

    private static final List<Object> XRAY_ACTIONS = List.of("xray:PutTelemetryRecords", "xray:PutTraceSegments");

    @Test
    void noPolicyAnywhereGrantsAWildcardResourceOrAction() {
        String template = shop.template().toJSON().toString();
        for (Map<String, Object> policy : shop.resources("AWS::IAM::Policy").values()) {
            List<Map<String, Object>> statements = at(policy, "Properties", "PolicyDocument", "Statement");
            for (Map<String, Object> statement : statements) {
                if (java.util.Set.copyOf(asList(statement.get("Action"))).equals(java.util.Set.copyOf(XRAY_ACTIONS))) {
                    // active tracing: X-Ray has no resource-level permissions, so these two are granted on *
                    continue;
                }
                assertThat(asList(statement.get("Resource"))).doesNotContain("*");
                assertThat(asList(statement.get("Action"))).noneMatch(action -> action.toString().endsWith("*"));
            }
        }
        assertThat(template).doesNotContain("dynamodb:Scan", "dynamodb:*");
    }

    // --- identity

    @Test
    void userPoolSignsInByEmailWithAPasswordPolicyAndOpenSelfSignUp() {
        Map<String, Object> pool = shop.only("AWS::Cognito::UserPool");

        assertThat((Object) at(pool, "UsernameAttributes")).isEqualTo(List.of("email"));
        assertThat((Object) at(pool, "UserPoolTier")).isEqualTo("LITE");
        assertThat((Object) at(pool, "AdminCreateUserConfig", "AllowAdminCreateUserOnly")).isEqualTo(false);
        assertThat(((Number) at(pool, "Policies", "PasswordPolicy", "MinimumLength")).intValue()).isGreaterThanOrEqualTo(12);
        assertThat((Object) at(pool, "Policies", "PasswordPolicy", "RequireUppercase")).isEqualTo(true);
        assertThat((Object) at(pool, "Policies", "PasswordPolicy", "RequireLowercase")).isEqualTo(true);
        assertThat((Object) at(pool, "Policies", "PasswordPolicy", "RequireNumbers")).isEqualTo(true);
        assertThat((Object) at(pool, "Policies", "PasswordPolicy", "RequireSymbols")).isEqualTo(true);
    }

    @Test
    void appClientHasNoSecretAndAllowsPasswordSrpAndRefreshOnly() {
        Map<String, Object> client = shop.only("AWS::Cognito::UserPoolClient");

        assertThat((Object) at(client, "GenerateSecret")).isEqualTo(false);
        assertThat((List<String>) at(client, "ExplicitAuthFlows")).containsExactlyInAnyOrder(
            "ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH");
        assertThat(client).doesNotContainKey("AllowedOAuthFlows");
    }

    @Test
    void adminGroupExistsInTheUserPool() {
        Map<String, Object> group = shop.only("AWS::Cognito::UserPoolGroup");

        assertThat((Object) at(group, "GroupName")).isEqualTo("admin");
        assertThat((Object) at(group, "UserPoolId")).isEqualTo(ref(shop.onlyId("AWS::Cognito::UserPool")));
    }

    // --- outputs

    @Test
    void outputsCarryTheFieldsOfTheLocalStackJson() {
        Map<String, Object> outputs = at(shop.template().toJSON(), "Outputs");
        String pool = shop.onlyId("AWS::Cognito::UserPool");

        assertThat(outputs.keySet()).contains(
            "apiUrl", "userPoolId", "clientId", "tableName", "region", "issuer", "cognitoEndpoint");
        String edge = shop.idOf("AWS::CloudFront::Distribution",
            distribution -> "Shop API edge".equals(at(distribution, "DistributionConfig", "Comment")));
        assertThat((Object) at(outputs, "apiUrl", "Value"))
            .isEqualTo(Map.of("Fn::Join", List.of("", List.of("https://", getAtt(edge, "DomainName")))));
        assertThat((Object) at(outputs, "apiOriginUrl", "Value"))
            .isEqualTo(getAtt(shop.onlyId("AWS::ApiGatewayV2::Api"), "ApiEndpoint"));
        assertThat((Object) at(outputs, "userPoolId", "Value")).isEqualTo(ref(pool));
        assertThat((Object) at(outputs, "clientId", "Value")).isEqualTo(ref(shop.onlyId("AWS::Cognito::UserPoolClient")));
        assertThat((Object) at(outputs, "tableName", "Value")).isEqualTo(ref(shop.onlyId("AWS::DynamoDB::Table")));
        assertThat((Object) at(outputs, "region", "Value")).isEqualTo(REGION);
        assertThat((Object) at(outputs, "issuer", "Value")).isEqualTo(issuerOf(pool));
        assertThat((Object) at(outputs, "cognitoEndpoint", "Value")).isEqualTo("https://cognito-idp." + REGION + ".amazonaws.com");
    }

    // --- helpers

    /** The DynamoDB statements of each function's policy, by the service the function runs. */
    private static Map<Service, List<Map<String, Object>>> tableStatementsByService() {
        Map<Service, List<Map<String, Object>>> byService = new HashMap<>();
        for (Map<String, Object> policy : shop.resources("AWS::IAM::Policy").values()) {
            String role = at(policy, "Properties", "Roles", 0, "Ref");
            if (!isFunctionRole(role)) {
                continue;
            }
            List<Map<String, Object>> statements = at(policy, "Properties", "PolicyDocument", "Statement");
            for (Map<String, Object> statement : statements) {
                if (asList(statement.get("Action")).stream().allMatch(action -> action.toString().startsWith("dynamodb:"))) {
                    byService.computeIfAbsent(serviceOfRole(role), s -> new ArrayList<>()).add(statement);
                }
            }
        }
        return byService;
    }

    private static boolean isFunctionRole(String role) {
        return shop.resources("AWS::Lambda::Function").values().stream()
            .anyMatch(function -> getAtt(role, "Arn").equals(SynthesizedShop.properties(function).get("Role")));
    }

    private static Map<String, Object> withSortedActions(Map<String, Object> statement) {
        Map<String, Object> copy = new HashMap<>(statement);
        copy.put("Action", asList(statement.get("Action")).stream().map(String::valueOf).sorted().toList());
        return copy;
    }

    private static Map<String, Object> issuerOf(String pool) {
        return Map.of("Fn::Join", List.of("", List.of(ISSUER_PREFIX, ref(pool))));
    }

    private static Map<String, Map<String, Object>> routesByKey() {
        return shop.resources("AWS::ApiGatewayV2::Route").values().stream()
            .map(SynthesizedShop::properties)
            .collect(Collectors.toMap(route -> (String) route.get("RouteKey"), route -> route));
    }

    private static String versionOf(String function) {
        return shop.idOf("AWS::Lambda::Version", version -> ref(function).equals(version.get("FunctionName")));
    }

    private static Service serviceOfRole(String role) {
        String function = shop.idOf("AWS::Lambda::Function",
            properties -> getAtt(role, "Arn").equals(properties.get("Role")));
        String description = at(shop.properties("AWS::Lambda::Function", function), "Description");
        return Arrays.stream(Service.values())
            .filter(service -> description.startsWith(service.moduleName() + " "))
            .findFirst().orElseThrow();
    }

    private static List<Object> asList(Object value) {
        return value instanceof List<?> list ? List.copyOf(list) : List.of(value);
    }
}
