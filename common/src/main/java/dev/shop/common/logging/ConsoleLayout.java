package dev.shop.common.logging;

import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;

/**
 * The line {@code %-5level [%thread] %logger{36} - %msg%n} (with the API
 * request id when one is known, and the stack trace, if any) written in plain code. Logback's {@code PatternLayout} registers some
 * forty converters through lambdas when its class initialises and then compiles
 * the pattern: about 30 ms of every cold start, for one fixed format
 * (docs/performance.md, cold start).
 */
final class ConsoleLayout extends LayoutBase<ILoggingEvent> {

    private static final int LOGGER_LENGTH = 36;
    private static final int LEVEL_WIDTH = 5;

    private final TargetLengthBasedClassNameAbbreviator abbreviator = new TargetLengthBasedClassNameAbbreviator(LOGGER_LENGTH);

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(128);
        String level = event.getLevel().toString();
        line.append(level);
        for (int pad = level.length(); pad < LEVEL_WIDTH; pad++) {
            line.append(' ');
        }
        line.append(" [").append(event.getThreadName()).append("] ")
            .append(abbreviator.abbreviate(event.getLoggerName()))
            .append(" - ").append(event.getFormattedMessage());
        // the gateway's request id, so a readable line can be followed from the access log too
        String apiRequestId = event.getMDCPropertyMap().get(LogFields.API_REQUEST_ID);
        if (apiRequestId != null) {
            line.append(" [").append(LogFields.API_REQUEST_ID).append('=').append(apiRequestId).append(']');
        }
        line.append(CoreConstants.LINE_SEPARATOR);
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            line.append(ThrowableProxyUtil.asString(thrown));
        }
        return line.toString();
    }
}
