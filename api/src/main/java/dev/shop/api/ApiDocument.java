package dev.shop.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.shop.common.routes.Access;
import dev.shop.common.routes.PathIds;
import dev.shop.common.routes.Route;
import dev.shop.common.routes.Routes;
import dev.shop.common.security.Roles;

/**
 * The one OpenAPI document of the one HTTP API, merged from the parts the three services' controllers
 * describe at compile time (micronaut-openapi writes {@code META-INF/swagger/<service>-*.yml}).
 *
 * <p>The controllers describe what they do: their routes, parameters, bodies, typed responses, and the
 * statuses and headers of their own outcomes. The merge adds, by rule, what the shared platform code
 * answers on every route alike, so no controller repeats it (a new route gets all of it by being in
 * {@code Routes.ALL}; copy a controller, not its neighbours' annotation blocks):
 * <ul>
 *   <li>security from common's route table ({@code Routes.ALL}), which the gateways enforce: the
 *       {@code cognito} bearer on every token route, {@code x-shop-group: admin} on every admin route;</li>
 *   <li>each path parameter's {@code pattern} from {@code PathIds}, the format {@code PathIdFilter}
 *       enforces at the edge;</li>
 *   <li>the {@code Problem} schema (RFC 9457, common's {@code Problem}) as the body of every 4xx and 5xx;</li>
 *   <li>400 on every route that takes parameters or a body (binding, validation, strict JSON, cursors),
 *       404 where a path id cannot be one, 413 and 415 on every route with a body (common's limits);</li>
 *   <li>401 on every route behind the Cognito authorizer, 403 where a group is required;</li>
 *   <li>412 on every route that takes {@code If-Match} (common's {@code IfMatch});</li>
 *   <li>503 with {@code Retry-After} on every route (contention that outlasts the retries);</li>
 *   <li>the {@code cognito} bearer scheme, one {@code operationId} per route made from its method and path,
 *       the info and the local server.</li>
 * </ul>
 * Parts must not disagree: the same path and method in two parts, or one schema name with two shapes,
 * fails the merge.
 */
public final class ApiDocument {

    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String BEARER = "cognito";
    public static final String GROUP_EXTENSION = "x-shop-group";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory()
        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
        .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
        .disable(YAMLGenerator.Feature.SPLIT_LINES));

    private ApiDocument() {
    }

    /** Merges every {@code *.yml} part in {@code partsDirectory} and returns the document as YAML text. */
    public static String merge(Path partsDirectory) {
        List<Path> parts;
        try (Stream<Path> files = Files.list(partsDirectory)) {
            parts = files.filter(file -> file.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (parts.isEmpty()) {
            throw new IllegalStateException("No OpenAPI parts in " + partsDirectory);
        }
        List<JsonNode> read = new ArrayList<>();
        for (Path part : parts) {
            try {
                read.add(YAML.readTree(part.toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + part, e);
            }
        }
        return toYaml(merge(read));
    }

    /** The merged document as a tree. */
    public static ObjectNode merge(List<JsonNode> parts) {
        Map<String, ObjectNode> paths = new TreeMap<>();
        Map<String, JsonNode> schemas = new TreeMap<>();
        for (JsonNode part : parts) {
            part.path("paths").fields().forEachRemaining(path -> {
                ObjectNode merged = paths.computeIfAbsent(path.getKey(), key -> NODES.objectNode());
                path.getValue().fields().forEachRemaining(operation -> {
                    if (merged.has(operation.getKey())) {
                        throw new IllegalStateException("Two parts describe " + operation.getKey().toUpperCase() + " " + path.getKey());
                    }
                    merged.set(operation.getKey(), operation.getValue().deepCopy());
                });
            });
            part.path("components").path("schemas").fields().forEachRemaining(schema -> {
                JsonNode known = schemas.putIfAbsent(schema.getKey(), schema.getValue());
                if (known != null && !known.equals(schema.getValue())) {
                    throw new IllegalStateException("Two parts describe the schema " + schema.getKey() + " differently");
                }
            });
        }
        schemas.put("Problem", problemSchema());

        ObjectNode document = NODES.objectNode();
        document.put("openapi", "3.0.3");
        ObjectNode info = document.putObject("info");
        info.put("title", "Shop API");
        info.put("version", "1");
        info.put("description", "The one HTTP API of the Shop: catalog-service, cart-service and orders-service behind "
            + "API Gateway (or the local gateway). Generated from the services' controllers; docs/api.md in the "
            + "repository carries the guarantees a document cannot: checkout, idempotency, pagination, errors and limits.");
        ArrayNode servers = document.putArray("servers");
        servers.addObject().put("url", "http://localhost:8080")
            .put("description", "The local stack (bin/shop-local); on AWS, the stack's apiUrl output");
        ObjectNode pathsNode = document.putObject("paths");
        paths.forEach((path, operations) -> {
            ObjectNode ordered = pathsNode.putObject(path);
            for (String method : METHODS) {
                if (operations.has(method)) {
                    ordered.set(method, complete(method, path, (ObjectNode) operations.get(method)));
                }
            }
        });
        ObjectNode components = document.putObject("components");
        ObjectNode schemaNode = components.putObject("schemas");
        schemas.forEach(schemaNode::set);
        translatePatterns(document);
        ObjectNode bearer = components.putObject("securitySchemes").putObject(BEARER);
        bearer.put("type", "http");
        bearer.put("scheme", "bearer");
        bearer.put("bearerFormat", "JWT");
        bearer.put("description", "A Cognito access token (InitiateAuth with USER_PASSWORD_AUTH at the user pool, "
            + "or at the local stack's Cognito-compatible endpoint). Routes marked x-shop-group: admin also need the "
            + "token's cognito:groups to hold admin.");
        return document;
    }

    /** Adds to one operation what the platform answers on every route (see the class comment). */
    private static ObjectNode complete(String method, String path, ObjectNode operation) {
        operation.put("operationId", operationId(method, path));
        Route route = route(method, path);
        pathIdPatterns(route, operation);
        ObjectNode responses = (ObjectNode) operation.get("responses");
        boolean secured = route.access().needsToken();
        boolean grouped = route.access() == Access.ADMIN;
        boolean hasBody = operation.has("requestBody");
        boolean hasParameters = operation.path("parameters").size() > 0;
        if (hasBody || hasParameters) {
            addProblem(responses, "400", "The request is malformed or invalid; errors names each offending field");
        }
        if (path.contains("{")) {
            addProblem(responses, "404", "The path names nothing that exists");
        }
        if (secured) {
            addProblem(responses, "401", "No valid Cognito token");
        }
        if (grouped) {
            addProblem(responses, "403", "The token's user is not in the " + Roles.ADMIN + " group");
        }
        if (hasHeader(operation, "If-Match")) {
            addProblem(responses, "412", "If-Match names another version");
        }
        if (hasBody) {
            addProblem(responses, "413", "The body is larger than 64 KiB");
            addProblem(responses, "415", "The body is not application/json");
        }
        addProblem(responses, "503", "Contention outlasted the server's retries; nothing changed. Retry after the "
            + "Retry-After seconds (checkout with the same Idempotency-Key)");
        ObjectNode retryAfter = NODES.objectNode();
        retryAfter.put("description", "Seconds to wait before retrying");
        retryAfter.putObject("schema").put("type", "integer");
        ((ObjectNode) responses.get("503")).putObject("headers").set("Retry-After", retryAfter);

        // every error leaves as problem+json (common's ProblemErrorResponseProcessor)
        Map<String, JsonNode> sorted = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> response = it.next();
            if (response.getKey().compareTo("400") >= 0 && !response.getValue().has("content")) {
                ((ObjectNode) response.getValue()).putObject("content").putObject(PROBLEM_JSON)
                    .putObject("schema").put("$ref", "#/components/schemas/Problem");
            }
            sorted.put(response.getKey(), response.getValue());
        }
        responses.removeAll();
        sorted.forEach(responses::set);
        // security last, where micronaut-openapi put it when each controller repeated it
        operation.remove("security");
        operation.remove(GROUP_EXTENSION);
        if (secured) {
            operation.putArray("security").addObject().putArray(BEARER);
        }
        if (grouped) {
            operation.put(GROUP_EXTENSION, Roles.ADMIN);
        }
        return operation;
    }

    /** The route of {@code Routes.ALL} an operation describes; a part that describes another route fails the merge. */
    private static Route route(String method, String path) {
        return Routes.ALL.stream()
            .filter(route -> route.method().equalsIgnoreCase(method) && route.path().equals(path))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException(method.toUpperCase() + " " + path + " is not in Routes.ALL"));
    }

    /** Each path parameter that holds an id carries the format PathIdFilter enforces, as an ECMA 262 pattern. */
    private static void pathIdPatterns(Route route, ObjectNode operation) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("in").asText().equals("path")) {
                PathIds.of(route, parameter.path("name").asText()).ifPresent(kind ->
                    ((ObjectNode) parameter.path("schema")).put("pattern", kind.format()));
            }
        }
    }

    private static boolean hasHeader(ObjectNode operation, String name) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("in").asText().equals("header") && parameter.path("name").asText().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static void addProblem(ObjectNode responses, String status, String description) {
        if (!responses.has(status)) {
            responses.putObject(status).put("description", description);
        }
    }

    /**
     * Rewrites each {@code pattern} from Java's dialect (the code's {@code @Pattern}, which must match the
     * whole value) into the ECMA 262 dialect OpenAPI uses (which matches anywhere): anchored, and with a
     * leading {@code (?i)} turned into letter classes, which ECMA 262 cannot say inline.
     */
    private static void translatePatterns(JsonNode node) {
        if (node instanceof ObjectNode object && object.path("pattern").isTextual() && !object.has("$ref")) {
            object.put("pattern", ecmaPattern(object.get("pattern").asText()));
        }
        for (JsonNode child : node) {
            translatePatterns(child);
        }
    }

    static String ecmaPattern(String javaPattern) {
        String pattern = javaPattern;
        if (pattern.startsWith("(?i)")) {
            StringBuilder folded = new StringBuilder();
            boolean inClass = false;
            String body = pattern.substring(4);
            for (int i = 0; i < body.length(); i++) {
                char c = body.charAt(i);
                if (c == '\\' && i + 1 < body.length()) {
                    folded.append(c).append(body.charAt(++i));
                } else if (c == '[') {
                    inClass = true;
                    folded.append(c);
                } else if (c == ']') {
                    inClass = false;
                    folded.append(c);
                } else if (!inClass && Character.isLetter(c) && c < 128) {
                    folded.append('[').append(Character.toUpperCase(c)).append(Character.toLowerCase(c)).append(']');
                } else {
                    folded.append(c);
                }
            }
            pattern = folded.toString();
        }
        return pattern.startsWith("^") ? pattern : "^(?:" + pattern + ")$";
    }

    /** {@code GET /catalog/products/{id}} becomes {@code getCatalogProductsById}: unique and stable. */
    static String operationId(String method, String path) {
        StringBuilder id = new StringBuilder(method);
        for (String segment : path.split("[/-]")) {
            if (segment.isEmpty()) {
                continue;
            }
            String word = segment.startsWith("{") ? "By" + capitalize(segment.substring(1, segment.length() - 1)) : capitalize(segment);
            id.append(word);
        }
        return id.toString();
    }

    private static String capitalize(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** RFC 9457's members as common's {@code Problem} writes them, and the extensions some outcomes add. */
    private static ObjectNode problemSchema() {
        ObjectNode schema = NODES.objectNode();
        schema.put("type", "object");
        schema.put("description", "An RFC 9457 problem detail (application/problem+json). Outcomes may add members, "
            + "e.g. currentVersion, sku, productId, available, productIds, maxLines, currentStatus.");
        schema.putArray("required").add("type").add("title").add("status");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("type").put("type", "string").put("description", "Always about:blank");
        properties.putObject("title").put("type", "string").put("description", "A short, stable summary of the problem type");
        properties.putObject("status").put("type", "integer").put("format", "int32");
        properties.putObject("detail").put("type", "string").put("description", "What went wrong with this request, for a person");
        properties.putObject("currentVersion").put("type", "integer").put("format", "int64")
            .put("description", "On 412, from every editable resource: the version it is at now (0 when it has none yet)");
        ObjectNode errors = properties.putObject("errors");
        errors.put("type", "array");
        errors.put("description", "On 400: each offending field and why");
        ObjectNode error = errors.putObject("items");
        error.put("type", "object");
        error.putArray("required").add("field").add("message");
        error.putObject("properties").set("field", NODES.objectNode().put("type", "string"));
        ((ObjectNode) error.get("properties")).set("message", NODES.objectNode().put("type", "string"));
        schema.put("additionalProperties", true);
        return schema;
    }

    static String toYaml(JsonNode document) {
        try {
            return YAML.writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
