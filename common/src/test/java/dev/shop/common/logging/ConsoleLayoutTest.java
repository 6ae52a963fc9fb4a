package dev.shop.common.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The hand-written layout writes exactly what the pattern it replaces wrote. */
class ConsoleLayoutTest {

    private static final String REPLACED_PATTERN = "%-5level [%thread] %logger{36} - %msg%n";

    private final LoggerContext context = new LoggerContext();

    @AfterEach
    void stop() {
        context.stop();
    }

    static Stream<ILoggingEvent> events() {
        LoggerContext loggers = new LoggerContext();
        Logger shortName = loggers.getLogger("dev.shop.Short");
        Logger longName = loggers.getLogger("io.micronaut.context.DefaultApplicationContext$RuntimeConfiguredEnvironment");
        Exception cause = new IllegalStateException("table shop is missing");
        Exception thrown = new UncheckedIOException("DynamoDB call failed", new IOException("reset", cause));
        return Stream.of(
            event(shortName, Level.INFO, "Established active environments: {}", new Object[] {List.of("function", "lambda")}, null),
            event(longName, Level.WARN, "plain message", null, null),
            event(longName, Level.DEBUG, "{} of {}", new Object[] {3, 7}, null),
            event(shortName, Level.ERROR, "Unexpected error", null, thrown),
            event(loggers.getLogger("root.level.Name"), Level.TRACE, "ünïcode and a\nsecond line", null, null));
    }

    @ParameterizedTest
    @MethodSource("events")
    void writesWhatThePatternWrote(ILoggingEvent event) {
        PatternLayout pattern = new PatternLayout();
        pattern.setContext(context);
        pattern.setPattern(REPLACED_PATTERN);
        pattern.start();
        ConsoleLayout layout = new ConsoleLayout();
        layout.setContext(context);
        layout.start();

        assertThat(layout.doLayout(event)).isEqualTo(pattern.doLayout(event));
    }

    @org.junit.jupiter.api.Test
    void aReadableLineEndsWithTheApiRequestIdWhenOneIsKnown() {
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), context.getLogger("dev.shop.Short"), Level.INFO,
            "answered 400", null, null);
        event.setThreadName("main");
        event.setMDCPropertyMap(java.util.Map.of(LogFields.API_REQUEST_ID, "api-1", LogFields.USER_ID, "user-1"));
        ConsoleLayout layout = new ConsoleLayout();
        layout.setContext(context);
        layout.start();

        assertThat(layout.doLayout(event)).isEqualTo("INFO  [main] dev.shop.Short - answered 400 [apiRequestId=api-1]"
            + System.lineSeparator());
    }

    private static ILoggingEvent event(Logger logger, Level level, String message, Object[] arguments, Throwable thrown) {
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, level, message, thrown, arguments);
        event.setThreadName("main");
        // what logback's MDC adapter hands a logged event; an event built by hand has no adapter
        event.setMDCPropertyMap(java.util.Map.of());
        return event;
    }
}
