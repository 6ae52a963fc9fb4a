package dev.shop.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.shop.common.metrics.ShopMetrics;
import dev.shop.common.routes.Route;
import dev.shop.common.routes.Routes;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.LogQueryWidget;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TextWidget;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.dynamodb.Operation;
import software.amazon.awscdk.services.dynamodb.SystemErrorsForOperationsMetricOptions;
import software.amazon.awscdk.services.kms.Alias;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.amazon.awscdk.services.logs.QueryDefinition;
import software.amazon.awscdk.services.logs.QueryString;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * What an on-call engineer looks at: one dashboard, the alarms that page
 * before users notice, and saved Logs Insights queries (docs/operations.md
 * explains each). Alarms go to the SNS topic named by the context value
 * {@value #ALARM_TOPIC_CONTEXT}, or to a topic of this stack when none is
 * given (subscribe to it after deploying).
 */
final class Observability extends Construct {

    static final String ALARM_TOPIC_CONTEXT = "shop:alarmTopicArn";
    /** p99 of the API's latency that pages: well above the load tests' p99 bound (docs/performance.md). */
    static final int API_P99_LATENCY_MS = 3000;
    /** Share of requests answered 5xx, in percent, that pages. */
    static final int API_5XX_PERCENT = 1;
    /** How far behind the live pushes may fall before someone looks. */
    static final int ITERATOR_AGE_MS = 60_000;

    private static final Duration PERIOD = Duration.minutes(5);
    private static final List<Operation> OPERATIONS = List.of(Operation.GET_ITEM, Operation.QUERY, Operation.PUT_ITEM,
        Operation.UPDATE_ITEM, Operation.DELETE_ITEM, Operation.TRANSACT_WRITE_ITEMS, Operation.BATCH_GET_ITEM);
    /** The same operations as the Operation dimension names them. */
    private static final List<String> OPERATION_NAMES = List.of("GetItem", "Query", "PutItem", "UpdateItem", "DeleteItem",
        "TransactWriteItems", "BatchGetItem");

    private final ITopic topic;
    private final String stackName;
    private final List<Alarm> alarms = new ArrayList<>();

    /** The functions by the name their widgets and alarms carry. */
    record Watched(String name, Function function) {
    }

    Observability(Construct scope, String id, StackSettings settings, HttpApi api, ILogGroup accessLogs,
                  List<Watched> functions, ITable table, Watched streamConsumer, IQueue deadLetters) {
        super(scope, id);
        stackName = settings.stackName();
        topic = alarmTopic();
        String namespace = namespace(settings);

        // --- alarms
        IMetric requests = api.metricCount(MetricOptions.builder().period(PERIOD).statistic("Sum").build());
        IMetric serverErrors = api.metricServerError(MetricOptions.builder().period(PERIOD).statistic("Sum").build());
        alarm("Api5xxRate", "More than " + API_5XX_PERCENT + " % of API requests answered 5xx",
            MathExpression.Builder.create()
                .expression("IF(requests > 0, 100 * errors / requests, 0)")
                .usingMetrics(Map.of("requests", requests, "errors", serverErrors))
                .label("5xx %").period(PERIOD).build(),
            API_5XX_PERCENT, 3, 2);
        alarm("ApiLatencyP99", "The API's p99 latency above " + API_P99_LATENCY_MS + " ms",
            api.metricLatency(MetricOptions.builder().period(PERIOD).statistic("p99").build()), API_P99_LATENCY_MS, 3, 2);
        for (Watched watched : functions) {
            alarm(watched.name() + "Errors", watched.name() + ": invocations failed (an exception, a timeout, out of memory)",
                watched.function().metricErrors(sum()), 1, 1, 1);
            alarm(watched.name() + "Throttles", watched.name() + ": invocations throttled (concurrency limit reached)",
                watched.function().metricThrottles(sum()), 1, 1, 1);
        }
        alarm("TableThrottles", "DynamoDB throttled reads or writes of the shop's table",
            MathExpression.Builder.create()
                .expression("reads + writes")
                .usingMetrics(Map.of("reads", table.metric("ReadThrottleEvents", sum()),
                    "writes", table.metric("WriteThrottleEvents", sum())))
                .label("throttle events").period(PERIOD).build(), 1, 1, 1);
        alarm("StreamIteratorAge", "The live-events consumer is more than " + ITERATOR_AGE_MS / 1000 + " s behind the table stream",
            streamConsumer.function().metric("IteratorAge", MetricOptions.builder().period(PERIOD).statistic("Maximum").build()),
            ITERATOR_AGE_MS, 3, 2);
        alarm("StreamDeadLetters", "A batch of table changes failed every retry and was dead-lettered: its events were never pushed",
            deadLetters.metricApproximateNumberOfMessagesVisible(MetricOptions.builder().period(PERIOD).statistic("Maximum").build()),
            1, 1, 1);

        // --- saved queries
        List<ILogGroup> functionLogs = functions.stream().map(watched -> watched.function().getLogGroup()).toList();
        List<ILogGroup> allLogs = new ArrayList<>(functionLogs);
        allLogs.add(accessLogs);
        query("OneRequest", "one request by its id", allLogs, QueryString.Builder.create()
            .fields(List.of("@timestamp", "@log", "level", "message", "routeKey", "route", "status", "userId", "Latency"))
            .filterStatements(List.of("requestId = \"PASTE-ID\" or apiRequestId = \"PASTE-ID\" or record.requestId = \"PASTE-ID\""))
            .sort("@timestamp asc")
            .build());
        query("ColdStarts", "cold starts and SnapStart restores by function", functionLogs, QueryString.Builder.create()
            .filterStatements(List.of("type = \"platform.report\"",
                "ispresent(record.metrics.initDurationMs) or ispresent(record.metrics.restoreDurationMs)"))
            .stats("count(*) as starts, pct(record.metrics.initDurationMs, 99) as initP99,"
                + " pct(record.metrics.restoreDurationMs, 99) as restoreP99 by @log")
            .build());
        query("SlowestRequests", "the slowest requests, with their ids", functionLogs, QueryString.Builder.create()
            .fields(List.of("@timestamp", "Route", "Latency", "apiRequestId", "requestId"))
            .filterStatements(List.of("ispresent(Latency)"))
            .sort("Latency desc")
            .limit(25)
            .build());
        query("FailedRequests", "requests answered 4xx or 5xx by the functions, newest first", functionLogs,
            QueryString.Builder.create()
                .fields(List.of("@timestamp", "level", "message", "route", "userId", "apiRequestId", "requestId", "error"))
                .filterStatements(List.of("logger like /RequestLogFilter/ or level = \"ERROR\""))
                .sort("@timestamp desc")
                .limit(50)
                .build());

        // --- the dashboard
        Dashboard dashboard = Dashboard.Builder.create(this, "Dashboard")
            .dashboardName(settings.stackName())
            .build();
        dashboard.addWidgets(TextWidget.Builder.create()
            .markdown("# " + settings.stackName() + "\nAlarms, queries and what to do first: docs/operations.md in the repository.")
            .width(24).height(2).build());
        dashboard.addWidgets(
            graph("API requests", List.of(requests), List.of()),
            graph("API 4xx / 5xx", List.of(api.metricClientError(sum()), serverErrors), List.of()),
            graph("API latency p50 / p99 (ms)", List.of(
                api.metricLatency(MetricOptions.builder().period(PERIOD).statistic("p50").label("p50").build()),
                api.metricLatency(MetricOptions.builder().period(PERIOD).statistic("p99").label("p99").build())), List.of()));
        dashboard.addWidgets(
            graph("Function latency p50 per route (ms)", routeLatency(namespace, "p50"), List.of()),
            graph("Function latency p99 per route (ms)", routeLatency(namespace, "p99"), List.of()));
        dashboard.addWidgets(
            graph("Invocations", each(functions, watched -> watched.function().metricInvocations(sum())), List.of()),
            graph("Errors", each(functions, watched -> watched.function().metricErrors(sum())), List.of()),
            graph("Throttles", each(functions, watched -> watched.function().metricThrottles(sum())), List.of()));
        dashboard.addWidgets(
            graph("Duration p99 (ms)", each(functions, watched -> watched.function().metricDuration(
                MetricOptions.builder().period(PERIOD).statistic("p99").build())), List.of()),
            graph("Concurrent executions (max)", each(functions, watched -> watched.function().metric("ConcurrentExecutions",
                MetricOptions.builder().period(PERIOD).statistic("Maximum").build())), List.of()),
            LogQueryWidget.Builder.create()
                .title("Cold starts and restores")
                .logGroupNames(functionLogs.stream().map(ILogGroup::getLogGroupName).toList())
                .queryLines(List.of("filter type = \"platform.report\"",
                    "filter ispresent(record.metrics.initDurationMs) or ispresent(record.metrics.restoreDurationMs)",
                    "stats count(*) as starts by @log, bin(1h)"))
                .width(8).height(6).build());
        dashboard.addWidgets(
            graph("DynamoDB throttled requests", List.of(table.metric("ReadThrottleEvents", sum()),
                table.metric("WriteThrottleEvents", sum())), List.of()),
            graph("DynamoDB system errors", List.of(table.metricSystemErrorsForOperations(
                SystemErrorsForOperationsMetricOptions.builder().operations(OPERATIONS).period(PERIOD).build())), List.of()),
            graph("DynamoDB latency per operation (avg ms)", OPERATION_NAMES.stream().map(operation ->
                (IMetric) table.metricSuccessfulRequestLatency(MetricOptions.builder().period(PERIOD).statistic("Average")
                    .dimensionsMap(Map.of("TableName", table.getTableName(), "Operation", operation))
                    .label(operation).build())).toList(), List.of()),
            graph("DynamoDB transaction conflicts", List.of(table.metric("TransactionConflict", sum()),
                shop(namespace, ShopMetrics.TRANSACTION_CONFLICTS, Map.of())), List.of()));
        dashboard.addWidgets(
            graph("Orders placed", List.of(shop(namespace, ShopMetrics.ORDERS_PLACED, Map.of())),
                List.of(shop(namespace, ShopMetrics.ORDER_VALUE, Map.of()))),
            graph("Checkouts refused, by reason", List.of(ShopMetrics.OUT_OF_STOCK, ShopMetrics.CART_CHANGED,
                ShopMetrics.EMPTY_CART, ShopMetrics.CONTENDED, ShopMetrics.KEY_REUSED).stream()
                .map(reason -> (IMetric) shop(namespace, ShopMetrics.CHECKOUTS_REFUSED, Map.of(ShopMetrics.REASON, reason)))
                .toList(), List.of()),
            graph("Replays, cart writes, stock adjustments", List.of(
                shop(namespace, ShopMetrics.IDEMPOTENT_REPLAYS, Map.of()),
                shop(namespace, ShopMetrics.CART_WRITES, Map.of()),
                shop(namespace, ShopMetrics.STOCK_ADJUSTMENTS, Map.of())), List.of()));
        dashboard.addWidgets(
            graph("Live events: iterator age (max ms)", List.of(streamConsumer.function().metric("IteratorAge",
                MetricOptions.builder().period(PERIOD).statistic("Maximum").build())), List.of()),
            graph("Live events: dead-lettered batches", List.of(deadLetters.metricApproximateNumberOfMessagesVisible(
                MetricOptions.builder().period(PERIOD).statistic("Maximum").build())), List.of()));
    }

    /** The CloudWatch namespace of the stack's EMF metrics, the stack's name: two stages never mix. */
    static String namespace(StackSettings settings) {
        return settings.stackName();
    }

    ITopic topic() {
        return topic;
    }

    List<Alarm> alarms() {
        return List.copyOf(alarms);
    }

    private ITopic alarmTopic() {
        Object given = getNode().tryGetContext(ALARM_TOPIC_CONTEXT);
        if (given != null && !String.valueOf(given).isBlank()) {
            return Topic.fromTopicArn(this, "AlarmTopic", String.valueOf(given));
        }
        return Topic.Builder.create(this, "AlarmTopic")
            .displayName("Shop alarms")
            // SNS's AWS-managed key: encrypted at rest with no key of our own to manage
            .masterKey(Alias.fromAliasName(this, "SnsKey", "alias/aws/sns"))
            .enforceSsl(true)
            .build();
    }

    private void alarm(String id, String description, IMetric metric, double threshold, int periods, int breaching) {
        Alarm alarm = Alarm.Builder.create(this, id)
            .alarmDescription(description + " (docs/operations.md, " + id + ")")
            .metric(metric)
            .threshold(threshold)
            .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
            .evaluationPeriods(periods)
            .datapointsToAlarm(breaching)
            .treatMissingData(TreatMissingData.NOT_BREACHING)
            .build();
        alarm.addAlarmAction(new SnsAction(topic));
        alarm.addOkAction(new SnsAction(topic));
        alarms.add(alarm);
    }

    private void query(String id, String name, List<ILogGroup> logGroups, QueryString query) {
        QueryDefinition.Builder.create(this, id + "Query")
            .queryDefinitionName(stackName + "/" + name)
            .logGroups(logGroups)
            .queryString(query)
            .build();
    }

    private static MetricOptions sum() {
        return MetricOptions.builder().period(PERIOD).statistic("Sum").build();
    }

    private static Metric shop(String namespace, String name, Map<String, String> dimensions) {
        Map<String, String> labelled = new LinkedHashMap<>(dimensions);
        return Metric.Builder.create()
            .namespace(namespace)
            .metricName(name)
            .dimensionsMap(labelled)
            .statistic("Sum")
            .period(PERIOD)
            .label(dimensions.isEmpty() ? name : String.join(" ", dimensions.values()))
            .build();
    }

    private static List<IMetric> routeLatency(String namespace, String statistic) {
        return Routes.ALL.stream().map(Route::routeKey).map(route -> (IMetric) Metric.Builder.create()
            .namespace(namespace)
            .metricName(ShopMetrics.LATENCY)
            .dimensionsMap(Map.of(ShopMetrics.ROUTE, route))
            .statistic(statistic)
            .period(PERIOD)
            .label(route)
            .build()).toList();
    }

    private static List<IMetric> each(List<Watched> functions, java.util.function.Function<Watched, IMetric> metric) {
        return functions.stream().map(watched -> (IMetric) labelled(metric.apply(watched), watched.name())).toList();
    }

    private static IMetric labelled(IMetric metric, String label) {
        return metric instanceof Metric plain ? plain.with(MetricOptions.builder().label(label).build()) : metric;
    }

    private static IWidget graph(String title, List<IMetric> left, List<IMetric> right) {
        return GraphWidget.Builder.create().title(title).left(left).right(right).width(8).height(6).build();
    }
}
