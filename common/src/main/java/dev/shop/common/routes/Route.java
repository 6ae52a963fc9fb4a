package dev.shop.common.routes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.LinkedHashMap;

/**
 * One route of the HTTP API, in API Gateway's own syntax ({@code GET /catalog/products/{id}}).
 */
public record Route(String method, String path, Service service, Access access) {

    /** API Gateway's route key, e.g. {@code GET /cart/items/{productId}}. */
    public String routeKey() {
        return method + " " + path;
    }

    /**
     * Matches a concrete request path against this route's template, the way
     * API Gateway does: segment by segment, a {@code {name}} segment taking any
     * one non-empty segment.
     *
     * @return the path parameters when the path matches
     */
    public Optional<Map<String, String>> match(String requestPath) {
        List<String> template = segments(path);
        List<String> actual = segments(requestPath);
        if (template.size() != actual.size()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String expected = template.get(i);
            String value = actual.get(i);
            if (expected.startsWith("{") && expected.endsWith("}")) {
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(expected.substring(1, expected.length() - 1), value);
            } else if (!expected.equals(value)) {
                return Optional.empty();
            }
        }
        return Optional.of(parameters);
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            segments.add(segment);
        }
        return segments;
    }
}
