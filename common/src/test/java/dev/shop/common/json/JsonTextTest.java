package dev.shop.common.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import dev.shop.common.web.Problem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"{\"quantity\":1}", " {\"a\":{\"a\":1},\"b\":[{\"a\":1},{\"a\":2}]} \n", "",
        "{\"name\":\"caf\\u00e9 \\ud83d\\ude00 \\t\\n\\r\"}", "{\"name\":\"😀\"}", "[1,2]"})
    void strictJsonPasses(String body) {
        assertThat(refusal(body)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"quantity\":1}xyz                               | body",
        "{\"quantity\":1}{\"quantity\":2}                  | body",
        "{\"quantity\":1} 7                                | body",
        "{\"quantity\":1,\"quantity\":99}                  | quantity",
        "{\"a\":{\"b\":1,\"b\":2}}                         | a.b",
        "{\"addresses\":[{\"city\":\"x\",\"city\":\"y\"}]} | addresses[0].city",
        "{\"name\":\"\\ud83d\"}                            | name",
        "{\"name\":\"a\\ude00\"}                           | name",
        "{\"name\":\"a\\u0000b\"}                          | name",
        "{\"name\":\"a\\u0001b\"}                          | name",
        "{\"name\":\"a\\u007fb\"}                          | name",
        "{\"name\":\"a\\u0085b\"}                          | name",
        "{\"shippingAddress\":{\"city\":\"\\u0000\"}}      | shippingAddress.city",
        "{\"addresses\":[{\"city\":\"ok\"},{\"city\":\"\\ud800\"}]} | addresses[1].city",
        "{\"quantity\":                                    | body"})
    void nonStrictJsonIsRefusedNamingTheField(String body, String field) {
        Optional<Problem.FieldError> refusal = refusal(body.strip());

        assertThat(refusal).isPresent();
        assertThat(refusal.get().field()).isEqualTo(field);
    }

    private static Optional<Problem.FieldError> refusal(String body) {
        return JsonText.refusal(body.getBytes(StandardCharsets.UTF_8));
    }
}
