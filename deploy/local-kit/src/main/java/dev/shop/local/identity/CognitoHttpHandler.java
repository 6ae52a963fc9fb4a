package dev.shop.local.identity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * Cognito's wire protocol: {@code POST /} with the operation named in
 * {@code X-Amz-Target} and a JSON body, errors as HTTP 400 with
 * {@code x-amzn-ErrorType} and {@code {"__type","message"}}; plus the two
 * documents a JWT verifier fetches from under the issuer. Browsers call
 * Cognito directly, so the public operations' answers carry permissive CORS
 * headers. The administrative operations ({@code Admin*}) are the stack
 * owner's: they need a SigV4 signature with the stack's credentials
 * ({@link SigV4Verifier}), and their answers carry no CORS headers, nor does
 * a preflight allow a browser to send signing headers. Every request must
 * name a loopback host, so a page that rebinds its own DNS name to 127.0.0.1
 * reaches nothing.
 */
final class CognitoHttpHandler implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(CognitoHttpHandler.class.getName());
    private static final String TARGET_PREFIX = "AWSCognitoIdentityProviderService.";
    private static final String ADMIN_PREFIX = "Admin";
    private static final Set<String> SIGNING_HEADERS = Set.of("authorization", "x-amz-date", "x-amz-security-token",
            "x-amz-content-sha256");
    private static final String AMZ_JSON = "application/x-amz-json-1.1";
    private static final Set<String> ACCEPTED_CONTENT_TYPES = Set.of(AMZ_JSON, "application/json");
    private static final int MAX_BODY_BYTES = 64 * 1024;
    /** Flows a Cognito app client can have; any of them we do not serve is "not enabled for this client". */
    private static final Set<String> COGNITO_AUTH_FLOWS = Set.of("USER_SRP_AUTH", "REFRESH_TOKEN_AUTH",
            "REFRESH_TOKEN", "CUSTOM_AUTH", "ADMIN_NO_SRP_AUTH", "USER_PASSWORD_AUTH", "ADMIN_USER_PASSWORD_AUTH",
            "USER_AUTH");

    private final IdentityService identity;
    private final SigV4Verifier signatures;
    private final SigningKey key;
    private final ObjectMapper json;
    private final String issuer;
    private final String jwksPath;
    private final String discoveryPath;

    CognitoHttpHandler(IdentityService identity, SigV4Verifier signatures, SigningKey key, ObjectMapper json,
                       String issuer, String userPoolId) {
        this.identity = identity;
        this.signatures = signatures;
        this.key = key;
        this.json = json;
        this.issuer = issuer;
        this.jwksPath = "/" + userPoolId + "/.well-known/jwks.json";
        this.discoveryPath = "/" + userPoolId + "/.well-known/openid-configuration";
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            if (!LoopbackHosts.isLoopback(exchange.getRequestHeaders().getFirst("Host"))) {
                sendError(exchange, 403, "ForbiddenException",
                        "The local identity endpoint answers to localhost, 127.0.0.1 and [::1] only");
                return;
            }
            String method = exchange.getRequestMethod();
            if (!isAdministrative(exchange.getRequestHeaders())) {
                allowCrossOrigin(exchange);
            }
            String path = exchange.getRequestURI().getPath();
            if ("OPTIONS".equals(method)) {
                exchange.sendResponseHeaders(204, -1);
            } else if ("POST".equals(method) && "/".equals(path)) {
                serveOperation(exchange);
            } else if ("GET".equals(method) && jwksPath.equals(path)) {
                send(exchange, 200, "application/json", key.jwksJson().getBytes(StandardCharsets.UTF_8));
            } else if ("GET".equals(method) && discoveryPath.equals(path)) {
                send(exchange, 200, "application/json", json.writeValueAsBytes(discovery()));
            } else {
                send(exchange, 404, "application/json", "{\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8));
            }
        } finally {
            exchange.close();
        }
    }

    private void serveOperation(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        try {
            String operation = operation(exchange.getRequestHeaders());
            byte[] bytes = rawBody(exchange);
            if (operation.startsWith(ADMIN_PREFIX)) {
                signatures.verify(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                        exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), bytes);
            }
            ObjectNode response = operate(operation, body(bytes));
            send(exchange, 200, AMZ_JSON, json.writeValueAsBytes(response));
        } catch (CognitoException e) {
            sendError(exchange, 400, e.errorType(), e.getMessage());
        } catch (BodyTooLarge e) {
            sendError(exchange, 413, "RequestEntityTooLargeException", "Request body exceeds " + MAX_BODY_BYTES + " bytes");
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "identity request failed", e);
            sendError(exchange, 500, CognitoException.INTERNAL_ERROR, "Internal error");
        }
    }

    private ObjectNode operate(String operation, JsonNode request) {
        return switch (operation) {
            case "InitiateAuth" -> initiateAuth(request);
            case "SignUp" -> signUp(request);
            case "GetUser" -> getUser(request);
            case "AdminAddUserToGroup" -> {
                identity.addToGroup(required(request, "UserPoolId"), required(request, "Username"),
                        required(request, "GroupName"));
                yield json.createObjectNode();
            }
            case "AdminRemoveUserFromGroup" -> {
                identity.removeFromGroup(required(request, "UserPoolId"), required(request, "Username"),
                        required(request, "GroupName"));
                yield json.createObjectNode();
            }
            case "RevokeToken" -> {
                String token = required(request, "Token");
                identity.revoke(required(request, "ClientId"), token);
                yield json.createObjectNode();
            }
            default -> throw new CognitoException(CognitoException.UNKNOWN_OPERATION,
                    "Operation " + operation + " is not supported by the local identity provider");
        };
    }

    private ObjectNode initiateAuth(JsonNode request) {
        String flow = required(request, "AuthFlow");
        String clientId = required(request, "ClientId");
        JsonNode parameters = request.path("AuthParameters");
        AuthTokens tokens = switch (flow) {
            case "USER_PASSWORD_AUTH" -> identity.passwordAuth(clientId, authParameter(parameters, "USERNAME"),
                    authParameter(parameters, "PASSWORD"));
            case "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN" ->
                    identity.refresh(clientId, authParameter(parameters, "REFRESH_TOKEN"));
            default -> throw CognitoException.invalidParameter(COGNITO_AUTH_FLOWS.contains(flow)
                    ? flow + " flow not enabled for this client"
                    : "1 validation error detected: Value '" + flow + "' at 'authFlow' failed to satisfy "
                            + "constraint: Member must satisfy enum value set: " + COGNITO_AUTH_FLOWS);
        };
        ObjectNode response = json.createObjectNode();
        ObjectNode result = response.putObject("AuthenticationResult");
        result.put("AccessToken", tokens.accessToken());
        result.put("ExpiresIn", tokens.expiresIn());
        result.put("TokenType", "Bearer");
        tokens.refreshToken().ifPresent(refresh -> result.put("RefreshToken", refresh));
        result.put("IdToken", tokens.idToken());
        response.putObject("ChallengeParameters");
        return response;
    }

    private ObjectNode signUp(JsonNode request) {
        String clientId = required(request, "ClientId");
        String username = required(request, "Username");
        String password = required(request, "Password");
        Optional<String> email = Optional.empty();
        for (JsonNode attribute : request.path("UserAttributes")) {
            if ("email".equals(attribute.path("Name").asText())) {
                email = Optional.of(required(attribute, "Value"));
            }
        }
        String sub = identity.signUp(clientId, username, password, email);
        ObjectNode response = json.createObjectNode();
        response.put("UserConfirmed", true);
        response.put("UserSub", sub);
        return response;
    }

    private ObjectNode getUser(JsonNode request) {
        UserRecord user = identity.userFor(required(request, "AccessToken"));
        ObjectNode response = json.createObjectNode();
        response.put("Username", user.username());
        ArrayNode attributes = response.putArray("UserAttributes");
        attributes.addObject().put("Name", "sub").put("Value", user.sub());
        attributes.addObject().put("Name", "email_verified").put("Value", "true");
        attributes.addObject().put("Name", "email").put("Value", user.email());
        return response;
    }

    private ObjectNode discovery() {
        ObjectNode document = json.createObjectNode();
        document.put("issuer", issuer);
        document.put("jwks_uri", issuer + "/.well-known/jwks.json");
        document.putArray("response_types_supported").add("code").add("token");
        document.putArray("subject_types_supported").add("public");
        document.putArray("id_token_signing_alg_values_supported").add("RS256");
        document.putArray("scopes_supported").add("openid").add("email").add("profile");
        return document;
    }

    private static String operation(Headers headers) {
        String target = Optional.ofNullable(headers.getFirst("X-Amz-Target")).orElse("");
        if (!target.startsWith(TARGET_PREFIX)) {
            throw new CognitoException(CognitoException.UNKNOWN_OPERATION,
                    "X-Amz-Target must name an " + TARGET_PREFIX + "<Operation>");
        }
        String contentType = Optional.ofNullable(headers.getFirst("Content-Type")).orElse("")
                .split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!ACCEPTED_CONTENT_TYPES.contains(contentType)) {
            throw new CognitoException(CognitoException.SERIALIZATION,
                    "Content-Type must be " + AMZ_JSON + " or application/json");
        }
        return target.substring(TARGET_PREFIX.length());
    }

    private static byte[] rawBody(HttpExchange exchange) throws IOException {
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw new BodyTooLarge();
        }
        return bytes;
    }

    private JsonNode body(byte[] bytes) {
        if (bytes.length == 0) {
            return json.createObjectNode();
        }
        try {
            JsonNode request = json.readTree(bytes);
            if (request == null || !request.isObject()) {
                throw new CognitoException(CognitoException.SERIALIZATION, "The request body must be a JSON object");
            }
            return request;
        } catch (IOException e) {
            throw new CognitoException(CognitoException.SERIALIZATION, "The request body is not valid JSON");
        }
    }

    /** A member the operation cannot do without, reported in the words of AWS's request validation. */
    private static String required(JsonNode request, String member) {
        JsonNode value = request.get(member);
        if (value == null || value.isNull()) {
            String name = Character.toLowerCase(member.charAt(0)) + member.substring(1);
            throw CognitoException.invalidParameter("1 validation error detected: Value null at '" + name
                    + "' failed to satisfy constraint: Member must not be null");
        }
        if (!value.isTextual()) {
            throw new CognitoException(CognitoException.SERIALIZATION, "Expected a string for " + member);
        }
        return value.asText();
    }

    private static String authParameter(JsonNode parameters, String name) {
        JsonNode value = parameters.get(name);
        if (value == null || !value.isTextual()) {
            throw CognitoException.invalidParameter("Missing required parameter " + name);
        }
        return value.asText();
    }

    /**
     * Admin* operations are for the shop's tooling, never for a browser page:
     * their answers carry no CORS header, so a page cannot read them.
     */
    private static boolean isAdministrative(Headers headers) {
        String target = headers.getFirst("X-Amz-Target");
        return target != null && target.startsWith(TARGET_PREFIX + "Admin");
    }

    private static void allowCrossOrigin(HttpExchange exchange) {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Access-Control-Allow-Origin", "*");
        headers.set("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        // never the signing headers: a page in a browser has no business sending a signed (Admin*) request
        String requested = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Access-Control-Request-Headers"))
                .orElse("content-type, x-amz-target, x-amz-user-agent");
        headers.set("Access-Control-Allow-Headers", Arrays.stream(requested.split(","))
                .map(String::strip)
                .filter(name -> !SIGNING_HEADERS.contains(name.toLowerCase(Locale.ROOT)))
                .collect(Collectors.joining(",")));
        headers.set("Access-Control-Expose-Headers", "x-amzn-RequestId, x-amzn-ErrorType, x-amzn-ErrorMessage");
        headers.set("Access-Control-Max-Age", "86400");
    }

    private void sendError(HttpExchange exchange, int status, String type, String message) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
        ObjectNode error = json.createObjectNode();
        error.put("__type", type);
        error.put("message", message);
        send(exchange, status, AMZ_JSON, json.writeValueAsBytes(error));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    /** Kept apart from {@link CognitoException} because it is an HTTP limit, not a Cognito error. */
    private static final class BodyTooLarge extends RuntimeException {
        BodyTooLarge() {
            super(null, null, false, false);
        }
    }
}
