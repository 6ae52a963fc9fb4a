package dev.shop.local.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every exchange of the API tests checked against the API's one document, docs/api/openapi.yaml
 * (docs/api.md): the response's status, its described headers and its body must be what the document
 * says for that route, and a body member it does not name fails too (object schemas are read as closed).
 * A request the document would refuse (no token, a bad parameter or body) is fine as a test's input,
 * but then the answer must be a 4xx the document describes; a path no route matches must be a 404 or 405.
 *
 * <p>The document is found by walking up from the working directory, or named by the system property
 * {@value #DOCUMENT_PROPERTY}.
 */
final class ContractCheck {

    static final String DOCUMENT_PROPERTY = "shop.api.document";
    static final String REPORT_PROPERTY = "shop.api.check.report";
    private static final String DOCUMENT = "docs/api/openapi.yaml";
    /** Response headers the API gives a meaning to: one the document does not describe fails. */
    private static final Set<String> MEANINGFUL_HEADERS = Set.of("etag", "location", "retry-after");
    private static volatile ContractCheck instance;

    private final OpenApiInteractionValidator validator;
    private final JsonNode document;

    private ContractCheck(JsonNode document) {
        this.document = document;
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(closed(document.deepCopy()).toString())
            .build();
    }

    static ContractCheck get() {
        ContractCheck check = instance;
        if (check == null) {
            synchronized (ContractCheck.class) {
                if (instance == null) {
                    instance = new ContractCheck(read(locate()));
                }
                check = instance;
            }
        }
        return check;
    }

    /** Fails (AssertionError) when the exchange is not one the document describes. */
    void check(String method, String pathAndQuery, Map<String, String> requestHeaders, String requestBody,
               int status, HttpHeaders responseHeaders, String responseBody) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, path);
        if (q >= 0) {
            query(pathAndQuery.substring(q + 1)).forEach(request::withQueryParam);
        }
        requestHeaders.forEach(request::withHeader);
        if (requestBody != null) {
            request.withBody(requestBody);
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        responseHeaders.map().forEach(response::withHeader);
        if (responseBody != null && !responseBody.isEmpty()) {
            response.withBody(responseBody);
        }
        String exchange = method + " " + pathAndQuery + " -> " + status + " " + abbreviate(responseBody);
        JsonNode operation = operation(method, path);
        if (operation == null) {
            if (status != 404 && status != 405) {
                fail("No route of " + DOCUMENT + " matches " + exchange);
            }
            return;
        }
        ValidationReport requestReport = validator.validateRequest(request.build());
        if (requestReport.hasErrors() && (status < 400 || status >= 500)) {
            fail("The API accepted a request " + DOCUMENT + " refuses: " + exchange + "\n" + messages(requestReport));
        }
        ValidationReport responseReport = validator.validateResponse(path, Request.Method.valueOf(method), response.build());
        List<String> problems = new ArrayList<>();
        if (responseReport.hasErrors()) {
            problems.add(messages(responseReport));
        }
        JsonNode described = operation.path("responses").path(String.valueOf(status));
        for (String name : responseHeaders.map().keySet()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (MEANINGFUL_HEADERS.contains(lower) && !hasHeader(described.path("headers"), lower)) {
                problems.add("header " + name + " is not described for " + status);
            }
        }
        if (!problems.isEmpty()) {
            fail("The response is not what " + DOCUMENT + " describes (fix the controller's "
                + "annotations, then regenerate the document as docs/api.md says): " + exchange + "\n"
                + String.join("\n", problems));
        }
    }

    /**
     * Fails the test; with {@value #REPORT_PROPERTY} set to a file, appends there instead and lets the test
     * go on, so that one run lists every gap between the API and its document.
     */
    private static void fail(String problem) {
        String report = System.getProperty(REPORT_PROPERTY);
        if (report == null) {
            throw new AssertionError(problem);
        }
        try {
            Files.writeString(Path.of(report), problem + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hasHeader(JsonNode headers, String lower) {
        List<String> names = new ArrayList<>();
        headers.fieldNames().forEachRemaining(name -> names.add(name.toLowerCase(Locale.ROOT)));
        return names.contains(lower);
    }

    /** The operation API Gateway would route to: literal segments before parameters. */
    private JsonNode operation(String method, String path) {
        JsonNode best = null;
        int bestParameters = Integer.MAX_VALUE;
        for (Map.Entry<String, JsonNode> entry : (Iterable<Map.Entry<String, JsonNode>>) () -> document.path("paths").fields()) {
            JsonNode operation = entry.getValue().get(method.toLowerCase(Locale.ROOT));
            int parameters = matches(entry.getKey(), path);
            if (operation != null && parameters >= 0 && parameters < bestParameters) {
                best = operation;
                bestParameters = parameters;
            }
        }
        return best;
    }

    /** The number of path parameters the template binds, or -1 when it does not match. */
    private static int matches(String template, String path) {
        String[] expected = template.split("/", -1);
        String[] actual = path.split("/", -1);
        if (expected.length != actual.length) {
            return -1;
        }
        int parameters = 0;
        for (int i = 0; i < expected.length; i++) {
            if (expected[i].startsWith("{")) {
                if (actual[i].isEmpty()) {
                    return -1;
                }
                parameters++;
            } else if (!expected[i].equals(actual[i])) {
                return -1;
            }
        }
        return parameters;
    }

    private static Map<String, List<String>> query(String query) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static String messages(ValidationReport report) {
        return report.getMessages().stream()
            .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
            .map(message -> "  " + message.getKey() + ": " + message.getMessage())
            .collect(Collectors.joining("\n"));
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }

    /**
     * Object schemas with named members are read as closed (additionalProperties: false), so a member the
     * document does not name fails; Problem stays open (outcomes add members to it).
     */
    private static JsonNode closed(JsonNode document) {
        document.path("components").path("schemas").fields().forEachRemaining(schema -> {
            if (!schema.getKey().equals("Problem")) {
                close(schema.getValue());
            }
        });
        return document;
    }

    private static void close(JsonNode schema) {
        if (!(schema instanceof ObjectNode object)) {
            return;
        }
        if (object.has("properties") && !object.has("additionalProperties")) {
            object.put("additionalProperties", false);
        }
        object.path("properties").forEach(ContractCheck::close);
        close(object.get("items"));
    }

    private static Path locate() {
        String named = System.getProperty(DOCUMENT_PROPERTY);
        if (named != null) {
            return Path.of(named);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(DOCUMENT);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("API tests validate every exchange against " + DOCUMENT
            + ", which is not found above " + Path.of("").toAbsolutePath() + "; name it with -D" + DOCUMENT_PROPERTY);
    }

    private static JsonNode read(Path file) {
        try {
            return new YAMLMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
