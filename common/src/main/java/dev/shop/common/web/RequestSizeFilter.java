package dev.shop.common.web;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.core.annotation.Nullable;

/**
 * Refuses request bodies over {@link #MAX_BODY_BYTES} with 413 before any
 * binding. On Lambda the whole body is already in the event, so the declared
 * length is checked against the limit.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class RequestSizeFilter {

    /** docs/api.md, "Limits": request bodies over 64 KiB are refused. */
    public static final long MAX_BODY_BYTES = 64 * 1024;

    @RequestFilter
    @Nullable
    HttpResponse<?> refuseLargeBodies(HttpRequest<?> request) {
        long length = request.getContentLength();
        if (length < 0 && HttpMethod.permitsRequestBody(request.getMethod())) {
            // no Content-Length (a chunked request): the Lambda event holds the whole body anyway
            length = RequestBodies.bytes(request).length;
        }
        if (length > MAX_BODY_BYTES) {
            return Problem.of(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "Payload Too Large",
                "The request body has " + length + " bytes; at most " + MAX_BODY_BYTES + " are accepted.").toResponse();
        }
        return null;
    }
}
