package dev.shop.common.metrics;

import java.io.PrintStream;
import java.util.List;

import dev.shop.common.json.JsonStrings;
import dev.shop.common.logging.LogFields;
import org.slf4j.MDC;

/**
 * The shop's metrics as CloudWatch Embedded Metric Format: each call prints
 * one JSON line to standard output, which Lambda ships to the function's log
 * group, where CloudWatch turns the {@code _aws} directive into metrics. No
 * call leaves the function, so a metric costs a line of log, not a request
 * (PutMetricData would be a round trip on the request path).
 *
 * <p>Static, as a logger is: any class records a metric in one line, with no
 * bean to inject. It is a few dozen lines of its own rather than
 * {@code aws-embedded-metrics}, whose logger brings an environment probe
 * (an HTTP call to find the agent outside Lambda), Jackson databind
 * configuration and a flush per invocation into every cold start
 * (docs/performance.md, "Observability").
 *
 * <p>Each line also carries the request's correlation ids (the MDC's
 * {@link LogFields}) as plain properties: a metric's sample leads back to its
 * request in Logs Insights.
 */
public final class Metrics {

    /** The environment variable naming the CloudWatch namespace; the CDK stack sets it to the stack's name. */
    public static final String NAMESPACE_VARIABLE = "SHOP_METRICS_NAMESPACE";
    static final String DEFAULT_NAMESPACE = "Shop";

    /** The EMF units used here (CloudWatch's StandardUnit names). */
    public enum Unit { Count, Milliseconds, None }

    /** One metric's value in a line. */
    public record Value(String name, Unit unit, double amount) {
    }

    private static final String NAMESPACE = namespace(System.getenv(NAMESPACE_VARIABLE));

    private Metrics() {
    }

    /** Counts one occurrence of {@code metric}, with no dimension. */
    public static void count(String metric) {
        emit(null, null, List.of(new Value(metric, Unit.Count, 1)));
    }

    /** Counts one occurrence of {@code metric} under one dimension, e.g. a refusal's {@code Reason}. */
    public static void count(String metric, String dimension, String dimensionValue) {
        emit(dimension, dimensionValue, List.of(new Value(metric, Unit.Count, 1)));
    }

    /** Records values under one dimension ({@code null} for none), in one line. */
    public static void emit(String dimension, String dimensionValue, List<Value> values) {
        String line = line(NAMESPACE, System.currentTimeMillis(), dimension, dimensionValue, values);
        PrintStream out = System.out;
        out.print(line);
        out.flush();
    }

    /** The EMF document for one line, newline included. */
    static String line(String namespace, long timestamp, String dimension, String dimensionValue, List<Value> values) {
        StringBuilder line = new StringBuilder(320);
        line.append("{\"_aws\":{\"Timestamp\":").append(timestamp).append(",\"CloudWatchMetrics\":[{\"Namespace\":");
        JsonStrings.quote(line, namespace).append(",\"Dimensions\":[[");
        if (dimension != null) {
            JsonStrings.quote(line, dimension);
        }
        line.append("]],\"Metrics\":[");
        for (int i = 0; i < values.size(); i++) {
            Value value = values.get(i);
            line.append(i == 0 ? "{\"Name\":" : ",{\"Name\":");
            JsonStrings.quote(line, value.name()).append(",\"Unit\":");
            JsonStrings.quote(line, value.unit().name()).append('}');
        }
        line.append("]}]}");
        if (dimension != null) {
            JsonStrings.field(line, dimension, dimensionValue);
        }
        for (Value value : values) {
            line.append(',');
            JsonStrings.quote(line, value.name()).append(':').append(number(value.amount()));
        }
        for (String field : List.of(LogFields.REQUEST_ID, LogFields.API_REQUEST_ID, LogFields.TRACE_ID)) {
            JsonStrings.field(line, field, MDC.get(field));
        }
        return line.append("}\n").toString();
    }

    private static String number(double amount) {
        return amount == Math.rint(amount) && Math.abs(amount) < 1e15 ? Long.toString((long) amount) : Double.toString(amount);
    }

    static String namespace(String configured) {
        return configured == null || configured.isBlank() ? DEFAULT_NAMESPACE : configured.trim();
    }
}
