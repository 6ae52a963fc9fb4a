package dev.shop.local.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A small HTTP client for tests that talk to the local gateway as any client
 * of the shop would: real HTTP on loopback, JSON in and out. Every exchange is
 * checked against the API's document, docs/api/openapi.yaml ({@link ContractCheck}):
 * a status, header or field it does not describe fails the test.
 */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(5))
        .version(HttpClient.Version.HTTP_1_1)
        .build();

    private final String baseUrl;
    private final String token;
    private final Map<String, String> headers;
    private final boolean checked;

    /** A client of the API at {@code baseUrl}; {@code token} is the bearer access token, or null for an anonymous caller. */
    public ApiClient(String baseUrl, String token, Map<String, String> headers) {
        this(baseUrl, token, headers, true);
    }

    private ApiClient(String baseUrl, String token, Map<String, String> headers, boolean checked) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.headers = Map.copyOf(headers);
        this.checked = checked;
    }

    /** A client for the API at {@code baseUrl}, with no token; every exchange is checked against the document. */
    public static ApiClient forUrl(String baseUrl) {
        return new ApiClient(baseUrl, null, Map.of());
    }

    /**
     * A client for an endpoint that is not the shop's API (the identity provider's JWKS or JSON protocol):
     * its exchanges are not checked against the API's document.
     */
    public static ApiClient forOtherUrl(String baseUrl) {
        return new ApiClient(baseUrl, null, Map.of(), false);
    }

    /**
     * The same client without the check against the API's document: for the running local stack's own
     * calls (seeding the demo catalog), which must not depend on docs/api/openapi.yaml being on disk.
     */
    public ApiClient withoutContractCheck() {
        return new ApiClient(baseUrl, token, headers, false);
    }

    /** The same client with one more header on every request. */
    public ApiClient withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiClient(baseUrl, token, more, checked);
    }

    /** The same client without a token. */
    public ApiClient anonymous() {
        return new ApiClient(baseUrl, null, headers, checked);
    }

    /** The same client with another bearer token (any string, valid or not). */
    public ApiClient withToken(String otherToken) {
        return new ApiClient(baseUrl, otherToken, headers, checked);
    }

    public ApiResponse get(String path) {
        return send("GET", path, null, null);
    }

    public ApiResponse delete(String path) {
        return send("DELETE", path, null, null);
    }

    public ApiResponse post(String path, Object body) {
        return send("POST", path, json(body), "application/json");
    }

    public ApiResponse put(String path, Object body) {
        return send("PUT", path, json(body), "application/json");
    }

    /** Any method, any raw body, any content type (for malformed-request tests). */
    public ApiResponse send(String method, String path, String rawBody, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(30))
            .method(method, rawBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(rawBody));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        Map<String, String> sent = new LinkedHashMap<>(headers);
        if (contentType != null) {
            sent.put("Content-Type", contentType);
        }
        if (token != null) {
            sent.put("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (checked) {
                ContractCheck.get().check(method, path, sent, rawBody, response.statusCode(), response.headers(), response.body());
            }
            return new ApiResponse(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Serializes a body: a String is sent as it is, anything else as JSON. */
    static String json(Object body) {
        if (body == null || body instanceof String) {
            return (String) body;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A response: status, headers and the body, parsed as JSON when it is JSON. */
    public record ApiResponse(int status, HttpHeaders headers, String rawBody) {

        public JsonNode json() {
            try {
                return rawBody == null || rawBody.isEmpty() ? JSON.nullNode() : JSON.readTree(rawBody);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Not JSON: " + rawBody, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("content-type");
        }

        @Override
        public String toString() {
            return status + " " + rawBody;
        }
    }
}
