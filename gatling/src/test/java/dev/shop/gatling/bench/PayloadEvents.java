package dev.shop.gatling.bench;

import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shop.common.routes.Routes;

/** Payload 2.0 events for the benchmarks that invoke a function without the gateway. */
final class PayloadEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PayloadEvents() {
    }

    /** A payload 2.0 event as API Gateway sends it, with the JWT authorizer's claims when {@code subject} is given. */
    static String event(String method, String path, String subject) throws Exception {
        var match = Routes.resolve(method, path).orElseThrow(() -> new IllegalStateException("No route for " + method + " " + path));
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", match.route().routeKey());
        event.put("rawPath", path);
        event.put("rawQueryString", "");
        event.putObject("headers").put("accept", "application/json").put("host", "localhost");
        if (!match.pathParameters().isEmpty()) {
            ObjectNode parameters = event.putObject("pathParameters");
            match.pathParameters().forEach(parameters::put);
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "000000000000");
        context.put("apiId", "local");
        context.put("domainName", "localhost");
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", match.route().routeKey());
        context.put("stage", "$default");
        context.put("timeEpoch", System.currentTimeMillis());
        ObjectNode http = context.putObject("http");
        http.put("method", method);
        http.put("path", path);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "127.0.0.1");
        http.put("userAgent", "cold-start-benchmark");
        if (subject != null) {
            ObjectNode claims = context.putObject("authorizer").putObject("jwt").putObject("claims");
            claims.put("sub", subject);
            claims.put("token_use", "access");
            claims.put("username", subject);
            claims.put("scope", "aws.cognito.signin.user.admin");
        }
        event.put("isBase64Encoded", false);
        return JSON.writeValueAsString(event);
    }
}
