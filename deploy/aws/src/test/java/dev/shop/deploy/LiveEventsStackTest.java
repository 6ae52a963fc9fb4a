package dev.shop.deploy;

import static dev.shop.deploy.SynthesizedShop.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.common.config.ShopSettings;
import dev.shop.common.live.LiveApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;

/** The live-events nested stack of a production deployment, and its output in the shop's stack. */
class LiveEventsStackTest {

    private static SynthesizedShop shop;
    private static SynthesizedShop live;

    @BeforeAll
    static void synthesize() {
        App app = App.Builder.create().context(Map.of(StackSettings.REGION, "eu-central-1")).build();
        ShopStack stack = new ShopStack(app, StackSettings.read(app.getNode()::tryGetContext, name -> null));
        shop = new SynthesizedShop(Template.fromStack(stack));
        live = new SynthesizedShop(Template.fromStack((LiveEvents) stack.getNode().findChild("Live")));
    }

    @Test
    void shopStackOutputsTheWebSocketUrl() {
        Map<String, Object> outputs = at(shop.template().toJSON(), "Outputs");

        assertThat(outputs).containsKey("webSocketUrl");
        assertThat(shop.resources("AWS::CloudFormation::Stack")).hasSize(1);
    }

    @Test
    void threeFunctionsRunTheLiveHandlersFromOrdersServiceWithSnapStart() {
        Map<String, Map<String, Object>> functions = live.resources("AWS::Lambda::Function");

        assertThat(functions.values()).extracting(f -> (String) at(f, "Properties", "Handler"))
            .containsExactlyInAnyOrder(LiveApi.AUTHORIZER_HANDLER, LiveApi.CONNECTIONS_HANDLER, LiveApi.STREAM_HANDLER);
        for (Map<String, Object> function : functions.values()) {
            assertThat((Object) at(function, "Properties", "Runtime")).as("deployed as every shop function").isEqualTo("java25");
            assertThat((Object) at(function, "Properties", "SnapStart")).isEqualTo(Map.of("ApplyOn", "PublishedVersions"));
        }
        assertThat(live.resources("AWS::Lambda::Alias")).hasSize(3);
    }

    @Test
    void connectNeedsTheRequestAuthorizerReadingTheSubprotocolHeader() {
        Map<String, Object> authorizer = live.only("AWS::ApiGatewayV2::Authorizer");
        Map<String, Map<String, Object>> routes = live.resources("AWS::ApiGatewayV2::Route");

        assertThat((Object) at(authorizer, "AuthorizerType")).isEqualTo("REQUEST");
        assertThat((Object) at(authorizer, "IdentitySource")).isEqualTo(List.of("route.request.header.Sec-WebSocket-Protocol"));
        assertThat(routes.values()).extracting(r -> (String) at(r, "Properties", "RouteKey"))
            .containsExactlyInAnyOrderElementsOf(LiveApi.ROUTES.stream().map(LiveApi.WebSocketRoute::routeKey).toList());
        for (Map<String, Object> route : routes.values()) {
            boolean connect = at(route, "Properties", "RouteKey").equals("$connect");
            assertThat((Object) at(route, "Properties", "AuthorizationType")).isEqualTo(connect ? "CUSTOM" : "NONE");
        }
        assertThat((Object) at(live.only("AWS::ApiGatewayV2::Api"), "ProtocolType")).isEqualTo("WEBSOCKET");
        assertThat((Object) at(live.only("AWS::ApiGatewayV2::Stage"), "StageName")).isEqualTo(LiveApi.STAGE);
    }

    @Test
    void streamMappingReportsItemFailuresBisectsRetriesAndDeadLettersOnlyOrderAndProductChanges() throws Exception {
        Map<String, Object> mapping = live.only("AWS::Lambda::EventSourceMapping");
        String queue = live.onlyId("AWS::SQS::Queue");

        assertThat((Object) at(mapping, "StartingPosition")).isEqualTo("LATEST");
        assertThat(((Number) at(mapping, "BatchSize")).intValue()).isEqualTo(LiveApi.STREAM.batchSize());
        assertThat(((Number) at(mapping, "MaximumBatchingWindowInSeconds")).intValue()).isZero();
        assertThat((Object) at(mapping, "FunctionResponseTypes")).isEqualTo(List.of("ReportBatchItemFailures"));
        assertThat((Object) at(mapping, "BisectBatchOnFunctionError")).isEqualTo(true);
        assertThat(((Number) at(mapping, "MaximumRetryAttempts")).intValue()).isEqualTo(LiveApi.STREAM.maxRetryAttempts());
        assertThat((Object) at(mapping, "DestinationConfig", "OnFailure", "Destination"))
            .isEqualTo(SynthesizedShop.getAtt(queue, "Arn"));
        String pattern = at(mapping, "FilterCriteria", "Filters", 0, "Pattern");
        JsonNode filter = new ObjectMapper().readTree(pattern);
        assertThat(filter.path("dynamodb").path("Keys").path("SK").path("S").toString()).isEqualTo("[\"ORDER\",\"PRODUCT\"]");
    }

    @Test
    void onlyTheConsumerMayManageConnectionsAndOnlyOnThisApisStage() {
        String consumer = live.idOf("AWS::Lambda::Function", f -> LiveApi.STREAM_HANDLER.equals(f.get("Handler")));
        String api = live.onlyId("AWS::ApiGatewayV2::Api");
        String template = live.template().toJSON().toString();
        Map<String, Object> variables = at(live.properties("AWS::Lambda::Function", consumer), "Environment", "Variables");

        assertThat(variables).containsKey(ShopSettings.LIVE_CONNECTIONS_ENDPOINT.environmentVariable());
        List<Map<String, Object>> grants = live.resources("AWS::IAM::Policy").values().stream()
            .flatMap(policy -> ((List<Map<String, Object>>) at(policy, "Properties", "PolicyDocument", "Statement")).stream())
            .filter(statement -> statement.get("Action").toString().contains("execute-api:ManageConnections"))
            .toList();
        assertThat(grants).singleElement().satisfies(statement -> {
            String resource = statement.get("Resource").toString();
            assertThat(resource).contains(api).contains("/" + LiveApi.STAGE + "/*/@connections/*");
            assertThat(statement.get("Action")).isEqualTo("execute-api:ManageConnections");
        });
        assertThat(template).doesNotContain("dynamodb:Scan", "dynamodb:*", "execute-api:*");
    }

    @Test
    @SuppressWarnings("unchecked")
    void liveFunctionsTouchOnlyConnectionAndDeliveryItemsAndNeverReadTheCursorSecret() {
        List<Map<String, Object>> itemStatements = live.resources("AWS::IAM::Policy").values().stream()
            .flatMap(policy -> ((List<Map<String, Object>>) at(policy, "Properties", "PolicyDocument", "Statement")).stream())
            .filter(statement -> statement.get("Action").toString().matches(".*dynamodb:(PutItem|DeleteItem|Query).*"))
            .toList();

        assertThat(itemStatements).isNotEmpty().allSatisfy(statement -> assertThat(statement.get("Condition").toString())
            .contains("ForAllValues:StringLike").contains("dynamodb:LeadingKeys"));
        assertThat(itemStatements.toString()).contains("USER#*#CONNECTIONS", "STREAM-EVENT#*", "CONNECTIONS#ADMIN")
            .doesNotContain("ORDER#", "PRODUCT#", "/index/*");
        String template = live.template().toJSON().toString();
        assertThat(template).doesNotContain("secretsmanager:", ShopSettings.CURSOR_SECRET_ARN.environmentVariable());
    }
}
