package dev.shop.common.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micronaut.context.annotation.Primary;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.codec.CodecException;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders every error the framework produces (400 binding and validation
 * failures, 401, 403, 404, 405, 415, 5xx) as problem+json. Messages are
 * rewritten where the framework's would leak internals: a 5xx says nothing
 * about its cause, and a binding failure names the field, not the Java type.
 */
@Primary
@Singleton
final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Map<String, Object>> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorResponseProcessor.class);

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Map<String, Object>> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        Problem problem = problemFor(context, response.status());
        return ((MutableHttpResponse<Map<String, Object>>) response)
            .contentType(Problem.PROBLEM_JSON)
            .body(problem.body());
    }

    private static Problem problemFor(ErrorContext context, HttpStatus status) {
        Throwable cause = context.getRootCause().orElse(null);
        if (status.getCode() >= 500) {
            LOG.error("Request {} {} failed", context.getRequest().getMethod(), context.getRequest().getPath(), cause);
            return Problem.of(status, "The request could not be completed; try again later.");
        }
        if (cause instanceof ConstraintViolationException violations) {
            return Problem.invalid(fieldErrors(violations));
        }
        if (cause instanceof ConversionErrorException conversion) {
            String field = conversion.getArgument().getName();
            return Problem.invalidField(field, "has the wrong type or format");
        }
        if (cause instanceof UnsatisfiedArgumentException missing) {
            return Problem.invalidField(missing.getArgument().getName(), "is required");
        }
        if (status == HttpStatus.BAD_REQUEST) {
            return BodyDecodingErrors.fieldError(context.getErrors().stream().map(Error::getMessage).toList())
                .map(error -> Problem.invalid(List.of(error)))
                .orElseGet(() -> cause instanceof CodecException
                    ? Problem.of(status, "The request body is not a JSON object of the expected shape")
                    : Problem.of(status, firstMessage(context, "The request is malformed")));
        }
        return Problem.of(status, firstMessage(context, status.getReason()));
    }

    private static String firstMessage(ErrorContext context, String fallback) {
        return context.getErrors().stream().map(Error::getMessage).findFirst()
            .map(ProblemErrorResponseProcessor::sanitize).orElse(fallback);
    }

    /** Keeps the first sentence and drops anything that looks like a Java type or stack frame. */
    private static String sanitize(String message) {
        String firstLine = message.lines().findFirst().orElse(message);
        if (firstLine.matches(".*\\b(java|io\\.micronaut|com\\.fasterxml)\\.[a-z].*")) {
            return "The request could not be read";
        }
        return firstLine.length() > 300 ? firstLine.substring(0, 300) : firstLine;
    }

    static List<Problem.FieldError> fieldErrors(ConstraintViolationException exception) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : exception.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldName(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort((a, b) -> a.field().compareTo(b.field()));
        return errors;
    }

    /**
     * The property path below the method and parameter nodes, so
     * {@code create.product.shippingAddress.city} names
     * {@code shippingAddress.city}, and a query parameter names itself.
     */
    private static String fieldName(Path path) {
        List<String> names = new ArrayList<>();
        boolean parameter = false;
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> names.clear();
                case PARAMETER -> {
                    names.clear();
                    names.add(node.getName());
                    parameter = true;
                }
                default -> {
                    // Bean Validation puts an element's index on the node after the container
                    if (node.isInIterable() && !names.isEmpty()) {
                        String container = names.remove(names.size() - 1);
                        names.add(container + "[" + (node.getIndex() != null ? node.getIndex() : node.getKey()) + "]");
                    }
                    if (node.getName() != null) {
                        names.add(node.getName());
                    }
                }
            }
        }
        // a body parameter's own name is not a field the client sent
        if (parameter && names.size() > 1) {
            names.remove(0);
        }
        return String.join(".", names);
    }
}
