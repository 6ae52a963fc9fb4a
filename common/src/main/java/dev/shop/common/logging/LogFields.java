package dev.shop.common.logging;

import java.util.List;
import java.util.Locale;

/**
 * The correlation fields every function log line carries (from SLF4J's MDC),
 * named once for the code that fills them, the layouts that write them, the
 * local gateway's access log and the saved Logs Insights queries.
 *
 * <p>{@link #REQUEST_ID} is Lambda's id of the invocation, as Lambda's own
 * JSON platform lines ({@code platform.start}, {@code platform.report}) name
 * it; {@link #API_REQUEST_ID} is API Gateway's id of the HTTP request, the
 * {@code requestId} of its access log and its {@code apigw-requestid}
 * response header: the one id a client, the gateway and the function share.
 */
public final class LogFields {

    public static final String REQUEST_ID = "requestId";
    public static final String API_REQUEST_ID = "apiRequestId";
    public static final String ROUTE = "route";
    public static final String USER_ID = "userId";
    public static final String TRACE_ID = "traceId";

    /** In the order the JSON layout writes them. */
    static final List<String> ALL = List.of(REQUEST_ID, API_REQUEST_ID, ROUTE, USER_ID, TRACE_ID);

    /** The environment variable (or system property {@code shop.log.format}) that asks for JSON lines. */
    public static final String FORMAT_VARIABLE = "SHOP_LOG_FORMAT";
    /** Set by Lambda when the function's log format is JSON (advanced logging controls). */
    static final String LAMBDA_FORMAT_VARIABLE = "AWS_LAMBDA_LOG_FORMAT";

    private LogFields() {
    }

    /**
     * Whether log lines are to be JSON objects: on Lambda with the JSON log
     * format, or wherever {@code SHOP_LOG_FORMAT=json} (or
     * {@code -Dshop.log.format=json}) asks; otherwise readable lines.
     */
    public static boolean json() {
        String asked = System.getProperty("shop.log.format", System.getenv(FORMAT_VARIABLE));
        if (asked != null && !asked.isBlank()) {
            return asked.trim().toLowerCase(Locale.ROOT).equals("json");
        }
        return "json".equalsIgnoreCase(System.getenv(LAMBDA_FORMAT_VARIABLE));
    }
}
