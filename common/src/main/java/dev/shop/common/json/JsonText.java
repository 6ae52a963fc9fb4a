package dev.shop.common.json;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import dev.shop.common.web.Problem;

/**
 * The contract's strict JSON, checked on the raw body before any binding
 * (CONTRACT.md "Strict JSON"): exactly one JSON value, no member named twice
 * in one object, and only well-formed text in strings: no lone surrogate
 * (an escaped {@code "\ud83d"} that pairs with nothing), no NUL or other
 * control character but tab, line feed and carriage return. Such text would
 * otherwise be stored as it came or silently replaced on the way out. Each
 * refusal names the field as data (a JSON path in the form bean validation
 * uses: {@code shippingAddress.city}, {@code addresses[0].name}).
 */
public final class JsonText {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private JsonText() {
    }

    /** @return the reason to refuse the body, or empty when it is strict JSON (or empty) */
    public static Optional<Problem.FieldError> refusal(byte[] body) {
        try (JsonParser parser = FACTORY.createParser(body)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return Optional.empty();
            }
            Optional<Problem.FieldError> inValue = firstValue(parser, token);
            if (inValue.isPresent()) {
                return inValue;
            }
            return trailing(parser) ? Optional.of(new Problem.FieldError("body", "holds content after the JSON value"))
                : Optional.empty();
        } catch (JsonProcessingException notJson) {
            return Optional.of(new Problem.FieldError("body", "is not well-formed JSON"));
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Walks the body's first value to its end, refusing a repeated member name or ill-formed text. */
    private static Optional<Problem.FieldError> firstValue(JsonParser parser, JsonToken first) throws IOException {
        Deque<Set<String>> names = new ArrayDeque<>();
        int depth = 0;
        for (JsonToken token = first; token != null; token = parser.nextToken()) {
            switch (token) {
                case START_OBJECT -> {
                    names.push(new HashSet<>());
                    depth++;
                }
                case END_OBJECT -> {
                    names.pop();
                    depth--;
                }
                case START_ARRAY -> depth++;
                case END_ARRAY -> depth--;
                case FIELD_NAME -> {
                    if (!names.peek().add(parser.currentName())) {
                        return Optional.of(new Problem.FieldError(fieldOf(parser.getParsingContext()), "appears more than once"));
                    }
                }
                case VALUE_STRING -> {
                    String reason = illFormed(parser.getText());
                    if (reason != null) {
                        return Optional.of(new Problem.FieldError(fieldOf(parser.getParsingContext()), reason));
                    }
                }
                default -> {
                    // numbers, booleans and nulls are checked by the types they bind to (StrictScalars)
                }
            }
            if (depth == 0) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static boolean trailing(JsonParser parser) {
        try {
            return parser.nextToken() != null;
        } catch (IOException garbage) {
            return true;
        }
    }

    /** Why {@code text} is not well-formed, or null when it is. */
    static String illFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "holds a lone surrogate (ill-formed text)";
            }
            if (Character.isLowSurrogate(c)) {
                return "holds a lone surrogate (ill-formed text)";
            }
            if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r') {
                return "holds a control character (U+" + String.format("%04X", (int) c) + ")";
            }
        }
        return null;
    }

    /** The field a token belongs to, from the parser's own position: {@code addresses[0].city}. */
    private static String fieldOf(JsonStreamContext context) {
        Deque<JsonStreamContext> fromRoot = new ArrayDeque<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            fromRoot.push(at);
        }
        StringBuilder field = new StringBuilder();
        for (JsonStreamContext at : fromRoot) {
            if (at.inArray()) {
                field.append('[').append(Math.max(at.getCurrentIndex(), 0)).append(']');
            } else if (at.getCurrentName() != null) {
                field.append(field.length() == 0 ? "" : ".").append(at.getCurrentName());
            }
        }
        return field.length() == 0 ? "body" : field.toString();
    }
}
