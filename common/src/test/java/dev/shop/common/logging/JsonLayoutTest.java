package dev.shop.common.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

class JsonLayoutTest {

    private final LoggerContext context = new LoggerContext();
    private final Logger logger = context.getLogger("dev.shop.cart.CartService");

    @Test
    void aLineIsOneJsonObjectWithTheCorrelationFieldsAndNoOtherMdcField() {
        LoggingEvent event = new LoggingEvent("x", logger, Level.WARN, "line \"one\"\nline\ttwo \u2028", null, null);
        event.setTimeStamp(0);
        event.setMDCPropertyMap(Map.of(LogFields.API_REQUEST_ID, "api-1", LogFields.ROUTE, "GET /cart",
            "authorization", "Bearer secret"));

        String line = new JsonLayout().doLayout(event);

        assertThat(line).isEqualTo("{\"timestamp\":\"1970-01-01T00:00:00Z\",\"level\":\"WARN\","
            + "\"logger\":\"dev.shop.cart.CartService\",\"message\":\"line \\\"one\\\"\\nline\\ttwo \\u2028\","
            + "\"apiRequestId\":\"api-1\",\"route\":\"GET /cart\"}" + System.lineSeparator());
    }

    @Test
    void aStackTraceIsOneEscapedFieldOfTheSameLine() {
        LoggingEvent event = new LoggingEvent("x", logger, Level.ERROR, "failed", new IllegalStateException("boom"), null);
        event.setMDCPropertyMap(Map.of());

        String line = new JsonLayout().doLayout(event);

        assertThat(line.strip()).doesNotContain("\n").contains("\"error\":\"java.lang.IllegalStateException: boom\\n");
    }
}
