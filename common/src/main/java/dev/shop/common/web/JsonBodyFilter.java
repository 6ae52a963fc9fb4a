package dev.shop.common.web;

import java.util.List;
import java.util.Optional;

import dev.shop.common.json.JsonText;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Every request body of every service is JSON, declared and strict
 * (CONTRACT.md): a body without {@code Content-Type: application/json} is
 * 415, and one that is not strict JSON ({@link JsonText}) is 400 naming the
 * field, before any binding, so nothing of it is stored. It runs after the
 * security filter (401/403 first) and the path-id check (404).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class JsonBodyFilter implements Ordered {

    @RequestFilter
    @Nullable
    HttpResponse<?> refuseNonStrictJson(HttpRequest<?> request) {
        byte[] body = RequestBodies.bytes(request);
        if (body.length == 0) {
            return null;
        }
        Optional<MediaType> type = request.getContentType();
        if (type.isEmpty() || !isJson(type.get())) {
            return Problem.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type",
                "Request bodies are JSON: send Content-Type: application/json.").toResponse();
        }
        return JsonText.refusal(body).map(error -> Problem.invalid(List.of(error)).toResponse()).orElse(null);
    }

    private static boolean isJson(MediaType type) {
        return type.getType().equalsIgnoreCase("application") && type.getSubtype().equalsIgnoreCase("json");
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after() + 1;
    }
}
