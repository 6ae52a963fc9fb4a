package dev.shop.common.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

/**
 * An RFC 9457 problem detail. Every error of every service leaves as one of
 * these, as {@code application/problem+json}, so clients parse one shape.
 *
 * @param status     the HTTP status
 * @param title      a short, stable summary of the problem type
 * @param detail     what went wrong with this request, for a person; may be null
 * @param extensions further members, e.g. {@code errors} naming invalid fields
 */
public record Problem(int status, String title, String detail, Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.of(MEDIA_TYPE);
    /** What a 503 asks a client to wait: contention on one item clears within milliseconds, a second is ample. */
    public static final int RETRY_AFTER_SECONDS = 1;

    public Problem {
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public static Problem of(HttpStatus status, String detail) {
        return new Problem(status.getCode(), status.getReason(), detail, Map.of());
    }

    public static Problem of(HttpStatus status, String title, String detail) {
        return new Problem(status.getCode(), title, detail, Map.of());
    }

    /** A 400 naming each offending field. */
    public static Problem invalid(List<FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message())
            .reduce((a, b) -> a + "; " + b).orElse("The request is invalid");
        return new Problem(400, "Invalid request", detail, Map.of("errors",
            errors.stream().map(FieldError::toMap).toList()));
    }

    /**
     * Contention that outlasted the server's retries (DynamoDB transaction
     * conflicts, an item rewritten under every attempt): 503 with
     * {@code Retry-After}, on every route alike (CONTRACT.md). Nothing was
     * written, so the client may send the same request again.
     */
    public static Problem contended(String detail) {
        return new Problem(HttpStatus.SERVICE_UNAVAILABLE.getCode(), "Contended", detail, Map.of());
    }

    /**
     * 412: the write's {@code If-Match} does not name the resource's version.
     * Every editable resource answers with this one body, whose
     * {@code currentVersion} tells the client what to re-read and resend
     * (0 when the resource has no version yet).
     *
     * @param resource what was written, for the detail ({@code "Product 3f2..."}, {@code "The profile"})
     */
    public static Problem staleVersion(String resource, long currentVersion) {
        return of(HttpStatus.PRECONDITION_FAILED, "Precondition Failed",
            resource + " is at version " + currentVersion + "; If-Match does not name it.")
            .with("currentVersion", currentVersion);
    }

    public static Problem invalidField(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public Problem with(String member, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(member, value);
        return new Problem(status, title, detail, more);
    }

    /** The JSON members, in the order RFC 9457 lists them. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        if (detail != null) {
            body.put("detail", detail);
        }
        body.putAll(extensions);
        return body;
    }

    public MutableHttpResponse<Map<String, Object>> toResponse() {
        MutableHttpResponse<Map<String, Object>> response = HttpResponse.<Map<String, Object>>status(HttpStatus.valueOf(status))
            .contentType(PROBLEM_JSON)
            .body(body());
        if (status == HttpStatus.SERVICE_UNAVAILABLE.getCode()) {
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        }
        return response;
    }

    /** A field that failed validation and why. */
    public record FieldError(String field, String message) {
        Map<String, Object> toMap() {
            return Map.of("field", field, "message", message);
        }
    }
}
