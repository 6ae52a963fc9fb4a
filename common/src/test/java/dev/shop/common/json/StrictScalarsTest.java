package dev.shop.common.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictScalarsTest {

    @Serdeable
    record Body(@Nullable String name, long count, @Nullable Integer boxed, @Nullable Boolean flag) {
    }

    private static ApplicationContext context;
    private static JsonMapper json;

    @BeforeAll
    static void start() {
        context = ApplicationContext.run(Map.of("shop.cursor.secret", "0123456789abcdef0123"));
        json = context.getBean(JsonMapper.class);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void wellTypedValuesAreRead() throws IOException {
        Body body = json.readValue("{\"name\":\"a\",\"count\":5,\"boxed\":-3,\"flag\":true}", Body.class);

        assertThat(body).isEqualTo(new Body("a", 5, -3, true));
    }

    @Test
    void nullsStayNullForValidationToReport() throws IOException {
        Body body = json.readValue("{\"name\":null,\"count\":1,\"boxed\":null,\"flag\":null}", Body.class);

        assertThat(body.name()).isNull();
        assertThat(body.boxed()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"count\":\"5\"}", "{\"count\":5.5}", "{\"count\":5.0}", "{\"count\":1e2}", "{\"count\":true}",
        "{\"count\":99999999999999999999}", "{\"count\":1,\"boxed\":1.7}", "{\"count\":1,\"boxed\":3000000000}",
        "{\"count\":1,\"name\":5}", "{\"count\":1,\"name\":true}", "{\"count\":1,\"flag\":\"true\"}", "{\"count\":1,\"flag\":1}"})
    void valuesOfTheWrongJsonTypeAreRefusedNotCoerced(String input) {
        assertThatThrownBy(() -> json.readValue(input, Body.class))
            .hasMessageContaining("[shop-field:");
    }
}
