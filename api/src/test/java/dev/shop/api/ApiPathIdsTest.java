package dev.shop.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.shop.common.routes.PathIds;
import dev.shop.common.routes.Route;
import dev.shop.common.routes.Routes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The document's path ids say what the edge enforces: every path parameter of docs/api/openapi.yaml is an
 * id of a kind {@code PathIds} knows, and carries exactly that kind's format as its pattern, so a client
 * (or the contract check) refuses an id {@code PathIdFilter} would answer 404.
 */
class ApiPathIdsTest {

    private static JsonNode document;

    @BeforeAll
    static void read() throws IOException {
        document = new YAMLMapper().readTree(Path.of(System.getProperty("shop.api.document")).toFile());
    }

    @Test
    void everyPathParameterCarriesThePatternPathIdsEnforces() {
        List<String> checked = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Route route : Routes.ALL) {
            JsonNode operation = document.path("paths").path(route.path()).path(route.method().toLowerCase());
            for (JsonNode parameter : operation.path("parameters")) {
                if (!parameter.path("in").asText().equals("path")) {
                    continue;
                }
                String name = parameter.path("name").asText();
                String where = route.routeKey() + " {" + name + "}";
                String pattern = parameter.path("schema").path("pattern").asText(null);
                String expected = PathIds.of(route, name).map(kind -> ApiDocument.ecmaPattern(kind.format())).orElse(null);
                checked.add(where);
                if (expected == null || !expected.equals(pattern)) {
                    wrong.add(where + " has pattern " + pattern + ", PathIds enforces " + expected);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(checked).as("every route template with a {parameter} was read")
            .hasSize((int) Routes.ALL.stream().filter(route -> route.path().contains("{")).count());
    }

    @Test
    void theDocumentedPatternsAcceptWhatTheEdgeAcceptsAndNothingElse() {
        Pattern product = Pattern.compile(schemaPattern("/catalog/products/{id}", "get"));
        Pattern order = Pattern.compile(schemaPattern("/orders/{id}", "get"));
        String uuid = UUID.randomUUID().toString();
        String ulid = "01HZX3J8Q4N7T2V5W9YB6C0DEF";

        assertThat(PathIds.PRODUCT.isWellFormed(uuid)).isTrue();
        assertThat(product.matcher(uuid).find()).isTrue();
        assertThat(PathIds.ORDER.isWellFormed(ulid)).isTrue();
        assertThat(order.matcher(ulid).find()).isTrue();
        for (String bad : List.of(ulid, uuid.toUpperCase(), uuid + "0", "x" + uuid, "not-an-id")) {
            assertThat(product.matcher(bad).find()).as(bad).isEqualTo(PathIds.PRODUCT.isWellFormed(bad)).isFalse();
        }
        for (String bad : List.of(uuid, ulid.toLowerCase(), ulid + "0", ulid.replace('F', 'U'))) {
            assertThat(order.matcher(bad).find()).as(bad).isEqualTo(PathIds.ORDER.isWellFormed(bad)).isFalse();
        }
    }

    private static String schemaPattern(String path, String method) {
        for (JsonNode parameter : document.path("paths").path(path).path(method).path("parameters")) {
            if (parameter.path("in").asText().equals("path")) {
                return parameter.path("schema").path("pattern").asText();
            }
        }
        throw new AssertionError(method + " " + path + " has no path parameter");
    }
}
