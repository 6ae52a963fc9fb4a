package dev.shop.local.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.shop.common.routes.Cors;
import dev.shop.common.routes.Route;
import dev.shop.common.routes.Routes;
import dev.shop.common.routes.Service;
import dev.shop.local.LoopbackHttpServers;
import dev.shop.local.lambda.LambdaFunction;

/**
 * The local stand-in for the deployed API Gateway HTTP API: it routes by the
 * same route table as the CDK stack ({@link Routes}), applies the same JWT
 * check on protected routes, and turns each request into a payload 2.0 event
 * for the service's Lambda function.
 */
public final class LocalGateway implements AutoCloseable {

    /** API Gateway's own payload limit; the services refuse more than 64 KiB themselves. */
    static final int MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;
    private static final DateTimeFormatter REQUEST_TIME =
        DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final System.Logger LOG = System.getLogger(LocalGateway.class.getName());
    private static final String REQUEST_ID = "shop.requestId";
    private static final String ROUTE_KEY = "shop.routeKey";
    private static final String INTEGRATION_NANOS = "shop.integrationNanos";
    private static final String RESPONSE_LENGTH = "shop.responseLength";

    private final HttpServer server;
    private final Map<Service, LambdaFunction> functions;
    private final JwtAuthorizer authorizer;
    private final List<String> allowedOrigins;
    private final AtomicLong requestCounter = new AtomicLong();
    private final AccessLog accessLog = new AccessLog();

    private LocalGateway(HttpServer server, Map<Service, LambdaFunction> functions,
                         JwtAuthorizer authorizer, List<String> allowedOrigins) {
        this.server = server;
        this.functions = functions;
        this.authorizer = authorizer;
        this.allowedOrigins = List.copyOf(allowedOrigins);
    }

    /**
     * Starts the gateway on {@code port} (0 for any free port) in front of the
     * given functions; routes of services not given answer 404.
     */
    public static LocalGateway start(int port, Map<Service, LambdaFunction> functions, JwtAuthorizer authorizer) {
        return start(port, functions, authorizer, List.of());
    }

    /**
     * As {@link #start(int, Map, JwtAuthorizer)}, with the API's CORS
     * configuration ({@link Cors}) for the given browser origins, answered as
     * API Gateway HTTP API answers it: preflights (an {@code OPTIONS} with
     * {@code Access-Control-Request-Method}) on any path get a 204 from the
     * gateway itself, and every other response, the gateway's own 401s
     * included, names the origin when it is allowed; the functions' own CORS
     * headers are ignored. An origin not in the list gets no CORS header.
     */
    public static LocalGateway start(int port, Map<Service, LambdaFunction> functions, JwtAuthorizer authorizer,
                                     List<String> allowedOrigins) {
        try {
            HttpServer server = LoopbackHttpServers.create("127.0.0.1", port, 256, MAX_PAYLOAD_BYTES);
            // The loopback server runs each connection's handler on that connection's own thread.
            LocalGateway gateway = new LocalGateway(server, new EnumMap<>(functions), authorizer, allowedOrigins);
            server.createContext("/", gateway::handle);
            server.start();
            return gateway;
        } catch (IOException e) {
            throw new IllegalStateException("The local gateway cannot listen on port " + port, e);
        }
    }

    public String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /**
     * Handles one request under one id, as API Gateway does: the id is the
     * event's {@code requestContext.requestId}, the response's
     * {@code apigw-requestid} header and the access log line's {@code requestId}.
     */
    private void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        Instant requestTime = Instant.now();
        String requestId = Long.toHexString(requestTime.toEpochMilli()) + "-" + requestCounter.incrementAndGet();
        exchange.setAttribute(REQUEST_ID, requestId);
        try (exchange) {
            route(exchange, requestId);
        } finally {
            Object routeKey = exchange.getAttribute(ROUTE_KEY);
            Object integration = exchange.getAttribute(INTEGRATION_NANOS);
            Object length = exchange.getAttribute(RESPONSE_LENGTH);
            accessLog.write(new AccessLog.Entry(requestId, requestTime,
                exchange.getRemoteAddress().getAddress().getHostAddress(),
                routeKey == null ? "-" : routeKey.toString(), exchange.getRequestURI().getRawPath(), exchange.getResponseCode(),
                length instanceof Integer bytes ? bytes : 0, (System.nanoTime() - started) / 1_000_000,
                integration instanceof Long nanos ? nanos / 1_000_000 : -1));
        }
    }

    private void route(HttpExchange exchange, String requestId) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String rawPath = exchange.getRequestURI().getRawPath();
        Optional<String> origin = allowedOrigin(exchange);
        if (method.equals("OPTIONS") && !allowedOrigins.isEmpty()
            && exchange.getRequestHeaders().containsKey("Access-Control-Request-Method")) {
            origin.ifPresent(allowed -> allowPreflight(exchange, allowed));
            send(exchange, 204, new byte[0]);
            return;
        }
        origin.ifPresent(allowed -> {
            exchange.getResponseHeaders().set("access-control-allow-origin", allowed);
            exchange.getResponseHeaders().set("access-control-expose-headers", String.join(",", Cors.EXPOSED_HEADERS));
            exchange.getResponseHeaders().set("vary", "origin");
        });
        Optional<Routes.RouteMatch> match = Routes.resolve(method, rawPath);
        if (match.isEmpty()) {
            boolean otherMethod = Routes.pathExists(rawPath);
            sendProblem(exchange, otherMethod ? 405 : 404, otherMethod ? "Method Not Allowed" : "Not Found",
                otherMethod ? "The route does not accept " + method : "No route matches " + method + " " + rawPath);
            return;
        }
        Route route = match.get().route();
        exchange.setAttribute(ROUTE_KEY, route.routeKey());
        LambdaFunction function = functions.get(route.service());
        if (function == null) {
            sendProblem(exchange, 404, "Not Found", route.service().moduleName() + " is not running in this gateway");
            return;
        }
        Map<String, String> claims = null;
        if (route.access().needsToken()) {
            Optional<Map<String, String>> authorized = authorizer.authorize(exchange.getRequestHeaders().getFirst("Authorization"));
            if (authorized.isEmpty()) {
                exchange.getResponseHeaders().add("www-authenticate", "Bearer");
                sendProblem(exchange, 401, "Unauthorized", "A valid bearer token is required");
                return;
            }
            claims = authorized.get();
        }
        // the server has read the whole body (chunked or not) and refused more than MAX_PAYLOAD_BYTES
        byte[] body = exchange.getRequestBody().readAllBytes();
        String event = PayloadV2Events.event(exchange, match.get(), claims, body, requestId);
        String response;
        long invoked = System.nanoTime();
        try {
            response = function.invoke(event);
        } catch (RuntimeException failure) {
            LOG.log(System.Logger.Level.ERROR, "function " + function.name() + " failed", failure);
            sendProblem(exchange, 500, "Internal Server Error", "The function failed");
            return;
        } finally {
            exchange.setAttribute(INTEGRATION_NANOS, System.nanoTime() - invoked);
        }
        sendLambdaResponse(exchange, JSON.readTree(response), !allowedOrigins.isEmpty());
    }

    private Optional<String> allowedOrigin(HttpExchange exchange) {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        return allowedOrigins.stream().filter(allowed -> allowed.equalsIgnoreCase(origin)).findFirst();
    }

    private static void allowPreflight(HttpExchange exchange, String origin) {
        var headers = exchange.getResponseHeaders();
        headers.set("access-control-allow-origin", origin);
        headers.set("access-control-allow-methods", String.join(",", Cors.ALLOWED_METHODS));
        headers.set("access-control-allow-headers", String.join(",", Cors.ALLOWED_HEADERS));
        headers.set("access-control-max-age", Integer.toString(Cors.MAX_AGE_SECONDS));
        headers.set("vary", "origin");
    }

    /** Writes a payload 2.0 response the way API Gateway does. */
    private static void sendLambdaResponse(HttpExchange exchange, JsonNode response, boolean corsConfigured) throws IOException {
        int status = response.path("statusCode").asInt(500);
        response.path("headers").fields().forEachRemaining(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            boolean replacedByCors = corsConfigured && name.startsWith("access-control-");
            if (!name.equals("content-length") && !name.equals("transfer-encoding") && !replacedByCors) {
                exchange.getResponseHeaders().add(name, header.getValue().asText());
            }
        });
        response.path("multiValueHeaders").fields().forEachRemaining(header ->
            header.getValue().forEach(value -> exchange.getResponseHeaders().add(header.getKey().toLowerCase(Locale.ROOT), value.asText())));
        response.path("cookies").forEach(cookie -> exchange.getResponseHeaders().add("set-cookie", cookie.asText()));
        byte[] body = new byte[0];
        JsonNode bodyNode = response.get("body");
        if (bodyNode != null && !bodyNode.isNull()) {
            body = response.path("isBase64Encoded").asBoolean(false)
                ? Base64.getDecoder().decode(bodyNode.asText())
                : bodyNode.asText().getBytes(StandardCharsets.UTF_8);
        }
        send(exchange, status, body);
    }

    static void sendProblem(HttpExchange exchange, int status, String title, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        exchange.getResponseHeaders().set("content-type", "application/problem+json");
        send(exchange, status, JSON.writeValueAsBytes(problem));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean noBody = body.length == 0 || status == 204 || status == 304 || "HEAD".equals(exchange.getRequestMethod());
        exchange.getResponseHeaders().set("apigw-requestid", String.valueOf(exchange.getAttribute(REQUEST_ID)));
        exchange.setAttribute(RESPONSE_LENGTH, noBody ? 0 : body.length);
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Builds payload 2.0 events exactly as API Gateway HTTP APIs do. */
    static final class PayloadV2Events {

        private PayloadV2Events() {
        }

        static String event(HttpExchange exchange, Routes.RouteMatch match, Map<String, String> claims, byte[] body, String requestId)
            throws IOException {
            Instant now = Instant.now();
            ObjectNode event = JSON.createObjectNode();
            event.put("version", "2.0");
            event.put("routeKey", match.route().routeKey());
            event.put("rawPath", exchange.getRequestURI().getRawPath());
            String rawQuery = exchange.getRequestURI().getRawQuery();
            event.put("rawQueryString", rawQuery == null ? "" : rawQuery);

            ObjectNode headers = event.putObject("headers");
            List<String> cookies = new ArrayList<>();
            exchange.getRequestHeaders().forEach((name, values) -> {
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.equals("cookie")) {
                    values.forEach(value -> {
                        for (String cookie : value.split(";")) {
                            if (!cookie.isBlank()) {
                                cookies.add(cookie.trim());
                            }
                        }
                    });
                } else if (!lower.equals("transfer-encoding") && !lower.equals("content-length")) {
                    headers.put(lower, String.join(",", values));
                }
            });
            // the event carries the body whole, as it arrived: its length is what a function may check
            if (body.length > 0 || exchange.getRequestHeaders().containsKey("Content-Length")
                || exchange.getRequestHeaders().containsKey("Transfer-Encoding")) {
                headers.put("content-length", Integer.toString(body.length));
            }
            if (!cookies.isEmpty()) {
                cookies.forEach(event.putArray("cookies")::add);
            }

            Map<String, String> query = queryParameters(rawQuery);
            if (!query.isEmpty()) {
                ObjectNode queryNode = event.putObject("queryStringParameters");
                query.forEach(queryNode::put);
            }
            if (!match.pathParameters().isEmpty()) {
                ObjectNode pathNode = event.putObject("pathParameters");
                match.pathParameters().forEach((name, value) -> pathNode.put(name, decode(value)));
            }

            ObjectNode context = event.putObject("requestContext");
            context.put("accountId", "000000000000");
            context.put("apiId", "local");
            String host = exchange.getRequestHeaders().getFirst("Host");
            context.put("domainName", host == null ? "localhost" : host);
            context.put("domainPrefix", host == null ? "localhost" : host.split("[.:]")[0]);
            ObjectNode http = context.putObject("http");
            http.put("method", exchange.getRequestMethod().toUpperCase(Locale.ROOT));
            http.put("path", exchange.getRequestURI().getRawPath());
            http.put("protocol", exchange.getProtocol());
            http.put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress());
            String userAgent = exchange.getRequestHeaders().getFirst("User-Agent");
            http.put("userAgent", userAgent == null ? "" : userAgent);
            context.put("requestId", requestId);
            context.put("routeKey", match.route().routeKey());
            context.put("stage", "$default");
            context.put("time", REQUEST_TIME.format(now));
            context.put("timeEpoch", now.toEpochMilli());
            if (claims != null) {
                ObjectNode jwt = context.putObject("authorizer").putObject("jwt");
                ObjectNode claimsNode = jwt.putObject("claims");
                claims.forEach(claimsNode::put);
                jwt.putNull("scopes");
            }

            if (body.length > 0) {
                boolean text = isText(headers.path("content-type").asText(""));
                event.put("body", text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
                event.put("isBase64Encoded", !text);
            } else {
                event.put("isBase64Encoded", false);
            }
            return JSON.writeValueAsString(event);
        }

        /** API Gateway joins repeated query parameters with commas. */
        private static Map<String, String> queryParameters(String rawQuery) {
            Map<String, String> parameters = new LinkedHashMap<>();
            if (rawQuery == null || rawQuery.isEmpty()) {
                return parameters;
            }
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decodeQuery(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decodeQuery(pair.substring(equals + 1));
                parameters.merge(name, value, (a, b) -> a + "," + b);
            }
            return parameters;
        }

        private static String decodeQuery(String value) {
            try {
                return URLDecoder.decode(value, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                return value;
            }
        }

        /** Path segments are percent-decoded, but a '+' stays a '+'. */
        private static String decode(String segment) {
            return decodeQuery(segment.replace("+", "%2B"));
        }

        private static boolean isText(String contentType) {
            String type = contentType.toLowerCase(Locale.ROOT);
            return type.isEmpty() || type.startsWith("text/") || type.contains("json") || type.contains("xml")
                || type.contains("x-www-form-urlencoded") || type.contains("javascript");
        }
    }
}
