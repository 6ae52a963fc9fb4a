package dev.shop.common.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConsoleLoggingTest {

    private final LoggerContext context = new LoggerContext();

    @AfterEach
    void clearProperty() {
        System.clearProperty("logback.configurationFile");
        context.stop();
    }

    @Test
    void logbackFindsItThroughTheServiceLoader() {
        assertThat(ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::type))
            .contains(ConsoleLogging.class);
    }

    @Test
    void withoutAConfigurationFileItConfiguresOneConsoleAppender() {
        ConsoleLogging logging = new ConsoleLogging();
        logging.setContext(context);

        ExecutionStatus status = logging.configure(context);

        assertThat(status).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(ConsoleLogging.level(ConsoleLogging.configuredLevel()));
        var appender = root.getAppender("STDOUT");
        assertThat(appender).isInstanceOf(ConsoleAppender.class);
        assertThat(appender.isStarted()).isTrue();
        var encoder = ((ConsoleAppender<?>) appender).getEncoder();
        assertThat(encoder).isInstanceOf(LayoutWrappingEncoder.class);
        assertThat(((LayoutWrappingEncoder<?>) encoder).getLayout()).isInstanceOf(ConsoleLayout.class);
        assertThat(encoder.isStarted()).isTrue();
    }

    @Test
    void aGivenConfigurationFileWins() {
        System.setProperty("logback.configurationFile", "somewhere/logback.xml");
        ConsoleLogging logging = new ConsoleLogging();
        logging.setContext(context);

        ExecutionStatus status = logging.configure(context);

        assertThat(status).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext()).isFalse();
    }

    @Test
    void theLevelComesFromItsVariableAndFallsBackToInfo() {
        assertThat(ConsoleLogging.level(null)).isEqualTo(Level.INFO);
        assertThat(ConsoleLogging.level(" ")).isEqualTo(Level.INFO);
        assertThat(ConsoleLogging.level("debug")).isEqualTo(Level.DEBUG);
        assertThat(ConsoleLogging.level("WARN")).isEqualTo(Level.WARN);
        assertThat(ConsoleLogging.level("loud")).isEqualTo(Level.INFO);
    }
}
