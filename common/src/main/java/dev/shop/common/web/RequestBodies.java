package dev.shop.common.web;

import io.micronaut.core.io.buffer.ByteBuffer;
import io.micronaut.http.FullHttpRequest;
import io.micronaut.http.HttpRequest;

/**
 * The raw bytes of a request body, as the client sent them. On Lambda the
 * whole body is in the event, and the request is a {@link FullHttpRequest};
 * {@code getBody(byte[].class)} is no substitute: it converts the body
 * already parsed for binding, and fails on a JSON object.
 */
final class RequestBodies {

    private static final byte[] NONE = new byte[0];

    private RequestBodies() {
    }

    static byte[] bytes(HttpRequest<?> request) {
        if (!(request instanceof FullHttpRequest<?> full)) {
            return NONE;
        }
        try {
            ByteBuffer<?> contents = full.contents();
            return contents == null ? NONE : contents.toByteArray();
        } catch (RuntimeException noBody) {
            // the API Gateway request signals an event without a body by throwing (EmptyBodyException)
            return NONE;
        }
    }
}
