package dev.shop.common.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the field out of Micronaut Serde's decoding messages, which name Java
 * types ({@code Error decoding property [long priceCents] of type [class
 * dev.shop...]}). The client gets only the JSON path and the reason.
 */
final class BodyDecodingErrors {

    private static final Pattern PROPERTY = Pattern.compile("Error decoding property \\[(?:[^\\]]*\\s)?([\\w$]+)\\]");
    private static final Pattern REQUIRED = Pattern.compile("Required (?:constructor parameter|property) \\[(?:[^\\]]*\\s)?([\\w$]+)\\]");
    private static final Pattern REFUSED = Pattern.compile("\\[shop-field:([\\w$]+)\\] (must be an integer|must be a string|must be true or false|is out of range)");

    private BodyDecodingErrors() {
    }

    static Optional<Problem.FieldError> fieldError(List<String> messages) {
        for (String message : messages) {
            List<String> path = new ArrayList<>();
            Matcher property = PROPERTY.matcher(message);
            while (property.find()) {
                path.add(property.group(1));
            }
            Matcher required = REQUIRED.matcher(message);
            if (required.find()) {
                path.add(required.group(1));
                return Optional.of(new Problem.FieldError(String.join(".", path), "is required"));
            }
            Matcher refused = REFUSED.matcher(message);
            if (refused.find()) {
                if (path.isEmpty() || !path.get(path.size() - 1).equals(refused.group(1))) {
                    path.add(refused.group(1));
                }
                return Optional.of(new Problem.FieldError(String.join(".", path), refused.group(2)));
            }
            if (!path.isEmpty()) {
                return Optional.of(new Problem.FieldError(String.join(".", path), "has the wrong type"));
            }
        }
        return Optional.empty();
    }
}
