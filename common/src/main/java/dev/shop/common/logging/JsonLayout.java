package dev.shop.common.logging;

import java.time.Instant;
import java.util.Map;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import dev.shop.common.json.JsonStrings;

/**
 * One JSON object per line: {@code timestamp}, {@code level}, {@code logger},
 * {@code message}, the correlation fields of {@link LogFields} that are set,
 * and the stack trace as {@code error}. Written by hand, as
 * {@link ConsoleLayout} is, so the format costs no start-up: an encoder
 * library (logstash-logback-encoder, Powertools' layouts) brings Jackson's
 * generator set-up or a template to compile into every cold start.
 *
 * <p>Only MDC fields named in {@link LogFields} are written: whatever else
 * a library puts there stays out of the log.
 */
final class JsonLayout extends LayoutBase<ILoggingEvent> {

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(256);
        line.append("{\"timestamp\":");
        JsonStrings.quote(line, Instant.ofEpochMilli(event.getTimeStamp()).toString());
        JsonStrings.field(line, "level", event.getLevel().toString());
        JsonStrings.field(line, "logger", event.getLoggerName());
        JsonStrings.field(line, "message", event.getFormattedMessage());
        Map<String, String> mdc = event.getMDCPropertyMap();
        if (mdc != null && !mdc.isEmpty()) {
            for (String name : LogFields.ALL) {
                JsonStrings.field(line, name, mdc.get(name));
            }
        }
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            JsonStrings.field(line, "error", ThrowableProxyUtil.asString(thrown));
        }
        return line.append('}').append(CoreConstants.LINE_SEPARATOR).toString();
    }
}
