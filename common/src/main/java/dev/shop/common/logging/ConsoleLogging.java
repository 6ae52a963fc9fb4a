package dev.shop.common.logging;

import java.util.Locale;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The services' logging, configured in code: one console appender (Lambda ships
 * stdout to CloudWatch Logs, which stamps each line itself) writing
 * {@link JsonLayout}'s JSON objects where {@link LogFields#json()} asks for
 * them (every deployed function) and {@link ConsoleLayout}'s readable lines
 * otherwise, root at INFO or at {@link #configuredLevel()}.
 *
 * <p>It is code rather than a {@code logback.xml} because parsing XML is the
 * dearest part of starting logback: Joran, its model classes and the JDK's XML
 * parser are some 400 classes loaded on every cold start (docs/performance.md,
 * cold start). Logback finds this class through {@code ServiceLoader} before it
 * looks for files, so wherever a configuration file is given (the local stack's
 * {@code logback.xml}, a test's {@code logback-test.xml},
 * {@code -Dlogback.configurationFile}) this steps aside and the file wins.
 */
public final class ConsoleLogging extends ContextAwareBase implements Configurator {

    static final String LEVEL_VARIABLE = "SHOP_LOG_LEVEL";
    static final String LAMBDA_LEVEL_VARIABLE = "AWS_LAMBDA_LOG_LEVEL";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (configurationFileGiven()) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        LayoutBase<ILoggingEvent> layout = LogFields.json() ? new JsonLayout() : new ConsoleLayout();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();

        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("STDOUT");
        console.setEncoder(encoder);
        console.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(level(configuredLevel()));
        root.addAppender(console);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * {@code SHOP_LOG_LEVEL} (or {@code -Dshop.log.level}) first, then the
     * application log level Lambda's advanced logging controls set: the
     * functions write through logback, not the runtime's logger, so Lambda
     * cannot filter their lines itself and logback applies its level.
     */
    static String configuredLevel() {
        String shop = System.getProperty("shop.log.level", System.getenv(LEVEL_VARIABLE));
        return shop != null && !shop.isBlank() ? shop : System.getenv(LAMBDA_LEVEL_VARIABLE);
    }

    static Level level(String name) {
        return name == null || name.isBlank() ? Level.INFO : Level.toLevel(name.trim().toUpperCase(Locale.ROOT), Level.INFO);
    }

    private boolean configurationFileGiven() {
        if (System.getProperty("logback.configurationFile") != null) {
            return true;
        }
        ClassLoader loader = getClass().getClassLoader();
        return loader.getResource("logback-test.xml") != null || loader.getResource("logback.xml") != null;
    }
}
