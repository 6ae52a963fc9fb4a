package dev.shop.local.gateway;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import dev.shop.common.json.JsonStrings;
import dev.shop.common.logging.LogFields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local gateway's access log: one line per request, at INFO on the logger
 * {@value #LOGGER} (the local stack's {@code logback.xml} prints its lines
 * as they are; load runs, at WARN, leave them out), with the fields of the deployed stage's access log (the CDK stack's
 * {@code HttpFront.ACCESS_LOG_FORMAT}) and the same {@code requestId} the
 * response's {@code apigw-requestid} header and the function's
 * {@code apiRequestId} log field carry. Readable by default; one JSON object
 * per line when {@link LogFields#json()} asks ({@code SHOP_LOG_FORMAT=json}).
 */
final class AccessLog {

    private static final DateTimeFormatter REQUEST_TIME =
        DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    static final String LOGGER = "dev.shop.local.gateway.AccessLog";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private final boolean json = LogFields.json();

    /** One request as the gateway answered it; {@code routeKey} is "-" when no route matched. */
    record Entry(String requestId, Instant requestTime, String sourceIp, String routeKey, String path, int status,
                 long responseLength, long responseLatencyMs, long integrationLatencyMs) {
    }

    void write(Entry entry) {
        if (LOG.isInfoEnabled()) {
            LOG.info(json ? json(entry) : readable(entry));
        }
    }

    static String json(Entry entry) {
        StringBuilder line = new StringBuilder(320).append('{');
        JsonStrings.quote(line, "requestId").append(':');
        JsonStrings.quote(line, entry.requestId());
        JsonStrings.field(line, "requestTime", REQUEST_TIME.format(entry.requestTime()));
        JsonStrings.field(line, "sourceIp", entry.sourceIp());
        JsonStrings.field(line, "routeKey", entry.routeKey());
        JsonStrings.field(line, "path", entry.path());
        JsonStrings.field(line, "status", Integer.toString(entry.status()));
        JsonStrings.field(line, "responseLength", Long.toString(entry.responseLength()));
        JsonStrings.field(line, "responseLatency", Long.toString(entry.responseLatencyMs()));
        JsonStrings.field(line, "integrationLatency", entry.integrationLatencyMs() < 0 ? "-" : Long.toString(entry.integrationLatencyMs()));
        return line.append('}').toString();
    }

    static String readable(Entry entry) {
        return "gateway " + entry.sourceIp() + " \"" + entry.routeKey() + "\" " + entry.path() + " " + entry.status()
            + " " + entry.responseLength() + "B " + entry.responseLatencyMs() + "ms requestId=" + entry.requestId();
    }
}
