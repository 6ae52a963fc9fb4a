package dev.shop.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.shop.common.routes.Access;
import dev.shop.common.routes.Routes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One source of truth for routes: the document's paths, methods and security are exactly common's
 * {@code Routes.ALL}, which the CDK stack and the local gateway route by, so the three cannot drift.
 * And the document is complete enough to trust: every route answers a typed body or nothing, and every
 * error is problem+json.
 */
class ApiRoutesTest {

    private static JsonNode document;

    @BeforeAll
    static void read() throws IOException {
        document = new YAMLMapper().readTree(Path.of(System.getProperty("shop.api.document")).toFile());
    }

    @Test
    void pathsMethodsAndSecurityAreExactlyTheRouteTable() {
        List<String> described = new ArrayList<>();
        operations((method, path, operation) -> described.add(method + " " + path + " " + access(operation)));
        assertThat(described).containsExactlyInAnyOrderElementsOf(
            Routes.ALL.stream().map(route -> route.method() + " " + route.path() + " " + route.access()).toList());
    }

    @Test
    void everySuccessIsTypedAndEveryErrorIsAProblem() {
        List<String> untyped = new ArrayList<>();
        operations((method, path, operation) -> operation.get("responses").fields().forEachRemaining(response -> {
            String status = response.getKey();
            JsonNode content = response.getValue().path("content");
            String where = method + " " + path + " " + status;
            if (status.equals("204")) {
                if (!content.isMissingNode()) {
                    untyped.add(where + " has a body");
                }
            } else if (status.startsWith("2")) {
                JsonNode schema = content.path("application/json").path("schema");
                if (!schema.has("$ref") && !schema.has("items") && !schema.has("properties")) {
                    untyped.add(where + " has no typed body: " + schema);
                }
            } else if (!content.path(ApiDocument.PROBLEM_JSON).path("schema").path("$ref").asText()
                    .equals("#/components/schemas/Problem")) {
                untyped.add(where + " is not problem+json");
            }
        }));
        assertThat(untyped).isEmpty();
    }

    @Test
    void conditionalWritesAndCheckoutDescribeTheirHeaders() {
        assertThat(header("put", "/catalog/products/{id}", "If-Match")).isTrue();
        assertThat(header("post", "/orders/{id}/cancel", "If-Match")).isTrue();
        assertThat(header("post", "/orders", "Idempotency-Key")).isTrue();
        JsonNode responses = document.at("/paths/~1orders/post/responses");
        assertThat(responses.at("/201/headers/Location").isMissingNode()).isFalse();
        assertThat(document.at("/paths/~1catalog~1products~1{id}/get/responses/200/headers/ETag").isMissingNode()).isFalse();
        assertThat(responses.at("/503/headers/Retry-After").isMissingNode()).isFalse();
    }

    private static boolean header(String method, String path, String name) {
        for (JsonNode parameter : document.path("paths").path(path).path(method).path("parameters")) {
            if (parameter.path("in").asText().equals("header") && parameter.path("name").asText().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static Access access(JsonNode operation) {
        if (operation.path("security").isEmpty()) {
            return Access.PUBLIC;
        }
        assertThat(operation.get("security").toString()).contains(ApiDocument.BEARER);
        return "admin".equals(operation.path(ApiDocument.GROUP_EXTENSION).asText()) ? Access.ADMIN : Access.USER;
    }

    private interface OperationVisitor {
        void visit(String method, String path, JsonNode operation);
    }

    private static void operations(OperationVisitor visitor) {
        document.path("paths").fields().forEachRemaining((Map.Entry<String, JsonNode> path) ->
            path.getValue().fields().forEachRemaining(operation ->
                visitor.visit(operation.getKey().toUpperCase(), path.getKey(), operation.getValue())));
    }
}
