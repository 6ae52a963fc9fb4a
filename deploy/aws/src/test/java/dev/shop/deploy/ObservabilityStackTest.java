package dev.shop.deploy;

import static dev.shop.deploy.SynthesizedShop.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.shop.common.metrics.ShopMetrics;
import dev.shop.common.routes.Routes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;

/** The shop's dashboard, alarms, saved queries and the functions' logging and tracing, as synthesized. */
class ObservabilityStackTest {

    private static final String TOPIC = "arn:aws:sns:us-east-1:111122223333:on-call";

    private static SynthesizedShop shop;
    private static SynthesizedShop live;
    private static SynthesizedShop withTopic;

    @BeforeAll
    static void synthesize() {
        App app = App.Builder.create().build();
        ShopStack stack = new ShopStack(app, StackSettings.read(app.getNode()::tryGetContext, name -> null));
        shop = new SynthesizedShop(Template.fromStack(stack));
        live = new SynthesizedShop(Template.fromStack((LiveEvents) stack.getNode().findChild("Live")));
        withTopic = SynthesizedShop.synthesize(Map.of(Observability.ALARM_TOPIC_CONTEXT, TOPIC));
    }

    @Test
    void everyFunctionLogsJsonWithLevelsAndIsTracedActively() {
        List<Map<String, Object>> functions = new java.util.ArrayList<>();
        shop.resources("AWS::Lambda::Function").values().forEach(functions::add);
        live.resources("AWS::Lambda::Function").values().forEach(functions::add);

        assertThat(functions).hasSize(6);
        for (Map<String, Object> function : functions) {
            assertThat((Object) at(function, "Properties", "LoggingConfig"))
                .isEqualTo(Map.of("LogFormat", "JSON", "ApplicationLogLevel", "INFO", "SystemLogLevel", "INFO",
                    "LogGroup", (Object) at(function, "Properties", "LoggingConfig", "LogGroup")));
            assertThat((Object) at(function, "Properties", "TracingConfig")).isEqualTo(Map.of("Mode", "Active"));
            Map<String, Object> environment = at(function, "Properties", "Environment", "Variables");
            assertThat(environment).containsEntry("SHOP_LOG_FORMAT", "json").containsEntry("SHOP_METRICS_NAMESPACE", "Shop");
        }
    }

    @Test
    void alarmsCoverErrorsLatencyThrottlingAndTheStreamAndGoToACreatedTopic() {
        Map<String, Map<String, Object>> alarms = shop.resources("AWS::CloudWatch::Alarm");

        assertThat(alarms.keySet()).anySatisfy(id -> assertThat(id).contains("Api5xxRate"))
            .anySatisfy(id -> assertThat(id).contains("ApiLatencyP99"))
            .anySatisfy(id -> assertThat(id).contains("TableThrottles"))
            .anySatisfy(id -> assertThat(id).contains("StreamIteratorAge"))
            .anySatisfy(id -> assertThat(id).contains("StreamDeadLetters"));
        assertThat(alarms.keySet().stream().filter(id -> id.contains("Errors"))).hasSize(6);
        assertThat(alarms.keySet().stream().filter(id -> id.contains("Throttles") && !id.contains("Table"))).hasSize(6);
        String topic = shop.onlyId("AWS::SNS::Topic");
        assertThat((Object) at(shop.only("AWS::SNS::Topic"), "KmsMasterKeyId")).isNotNull();
        for (Map<String, Object> alarm : alarms.values()) {
            assertThat((Object) at(alarm, "Properties", "AlarmActions")).isEqualTo(List.of(Map.of("Ref", topic)));
            assertThat((Object) at(alarm, "Properties", "TreatMissingData")).isEqualTo("notBreaching");
        }
    }

    @Test
    void aTopicGivenByContextReceivesTheAlarmsAndNoneIsCreated() {
        assertThat(withTopic.resources("AWS::SNS::Topic")).isEmpty();
        for (Map<String, Object> alarm : withTopic.resources("AWS::CloudWatch::Alarm").values()) {
            assertThat((Object) at(alarm, "Properties", "AlarmActions")).isEqualTo(List.of(TOPIC));
        }
    }

    @Test
    void theDashboardShowsTheApiTheFunctionsTheTableAndTheBusiness() {
        String body = String.valueOf((Object) at(shop.only("AWS::CloudWatch::Dashboard"), "DashboardBody"));

        assertThat(body).contains("AWS/ApiGateway", "5xx", "4xx", "p99", "p50", "AWS/Lambda", "Invocations",
            "Throttles", "ConcurrentExecutions", "platform.report", "AWS/DynamoDB", "ReadThrottleEvents",
            "SystemErrors", "SuccessfulRequestLatency", "TransactionConflict", "IteratorAge",
            "ApproximateNumberOfMessagesVisible", ShopMetrics.ORDERS_PLACED, ShopMetrics.ORDER_VALUE,
            ShopMetrics.CHECKOUTS_REFUSED, ShopMetrics.IDEMPOTENT_REPLAYS, ShopMetrics.CART_WRITES,
            ShopMetrics.STOCK_ADJUSTMENTS, ShopMetrics.TRANSACTION_CONFLICTS);
        assertThat(Routes.ALL).allSatisfy(route -> assertThat(body).contains(route.routeKey()));
    }

    @Test
    void savedQueriesFindOneRequestColdStartsAndTheSlowestRequests() {
        Map<String, Map<String, Object>> queries = shop.resources("AWS::Logs::QueryDefinition");

        assertThat(queries.values()).extracting(q -> (String) at(q, "Properties", "Name"))
            .contains("Shop/one request by its id", "Shop/cold starts and SnapStart restores by function",
                "Shop/the slowest requests, with their ids");
        Map<String, Object> oneRequest = queries.values().stream()
            .filter(q -> at(q, "Properties", "Name").equals("Shop/one request by its id")).findFirst().orElseThrow();
        assertThat(String.valueOf((Object) at(oneRequest, "Properties", "QueryString"))).contains("apiRequestId", "requestId");
        assertThat((List<?>) at(oneRequest, "Properties", "LogGroupNames")).as("six functions and the access log").hasSize(7);
    }
}
