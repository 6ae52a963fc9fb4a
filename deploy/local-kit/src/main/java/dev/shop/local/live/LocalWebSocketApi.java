package dev.shop.local.live;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.shop.common.live.LiveApi;
import dev.shop.local.LoopbackHttpServers;
import dev.shop.local.lambda.LambdaFunction;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.protocols.Protocol;
import org.java_websocket.server.WebSocketServer;

/**
 * The local stand-in for the deployed API Gateway WebSocket API: a WebSocket
 * endpoint whose handshake runs the {@code $connect} REQUEST authorizer and
 * then the {@code $connect} route, whose close runs {@code $disconnect} (with
 * the authorizer's context, as API Gateway hands it on), and a connection
 * management endpoint where {@code POST @connections/{id}} pushes a message
 * and a connection that is gone answers 410 {@code GoneException}. Both listen
 * on loopback only; the functions are the real handlers, fed through the
 * runtime's serializers. Nothing here logs a handshake's headers, where the
 * token travels.
 */
public final class LocalWebSocketApi implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API_ID = "local-live";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Server server;
    private final HttpServer management;
    private final ExecutorService executor;

    private LocalWebSocketApi(Server server, HttpServer management, ExecutorService executor) {
        this.server = server;
        this.management = management;
        this.executor = executor;
    }

    /**
     * @param port           the WebSocket port (0 for any free port)
     * @param managementPort the {@code @connections} endpoint's port (0 for any free port)
     */
    public static LocalWebSocketApi start(int port, int managementPort, LambdaFunction authorizer, LambdaFunction connections) {
        ExecutorService executor = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "local-websocket-api");
            thread.setDaemon(true);
            return thread;
        });
        Server server = new Server(new InetSocketAddress("127.0.0.1", port), authorizer, connections, executor);
        server.setReuseAddr(true);
        server.start();
        try {
            if (!server.started.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The local WebSocket API did not start on port " + port);
            }
            HttpServer management = LoopbackHttpServers.create("127.0.0.1", managementPort, 64);
            management.createContext("/@connections/", server::manage);
            management.setExecutor(executor);
            management.start();
            return new LocalWebSocketApi(server, management, executor);
        } catch (IOException | InterruptedException e) {
            closeQuietly(server);
            executor.shutdownNow();
            throw new IllegalStateException("The local WebSocket API cannot listen", e);
        }
    }

    /** The URL clients connect to, {@code ws://localhost:<port>}. */
    public String url() {
        return "ws://localhost:" + server.getPort();
    }

    /** The connection management endpoint the functions push through (the SDK's endpoint override). */
    public String connectionsEndpoint() {
        return "http://localhost:" + management.getAddress().getPort();
    }

    /** How many connections are open. */
    public int openConnections() {
        return server.sockets.size();
    }

    /**
     * Drops every open connection as a network failure would (close code 1006, no close handshake), so a test can
     * watch a client reconnect. Each connection's {@code $disconnect} runs as usual.
     *
     * @return how many connections were dropped
     */
    public int dropConnections() {
        List<WebSocket> open = List.copyOf(server.sockets.values());
        open.forEach(socket -> socket.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped by the local WebSocket API"));
        return open.size();
    }

    /**
     * While {@code true}, every handshake is refused as an unreachable API would refuse it, so a test can keep a
     * client disconnected while something changes.
     */
    public void refuseConnections(boolean refuse) {
        server.refusing = refuse;
    }

    @Override
    public void close() {
        management.stop(0);
        closeQuietly(server);
        executor.shutdownNow();
    }

    private static void closeQuietly(Server server) {
        try {
            server.stop(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "LocalWebSocketApi[" + url() + "]";
    }

    /** One accepted connection: its id and the authorizer's context that every later route receives. */
    private record Session(String connectionId, ObjectNode authorizerContext, long connectedAt) {
    }

    private static final class Server extends WebSocketServer {

        private final LambdaFunction authorizer;
        private final LambdaFunction connections;
        private final ExecutorService executor;
        private final Map<String, WebSocket> sockets = new ConcurrentHashMap<>();
        private final CountDownLatch started = new CountDownLatch(1);
        private final AtomicLong requests = new AtomicLong();
        private volatile boolean refusing;

        Server(InetSocketAddress address, LambdaFunction authorizer, LambdaFunction connections, ExecutorService executor) {
            // the handshake succeeds only when the client offers the shop's subprotocol
            super(address, List.<Draft>of(new Draft_6455(Collections.emptyList(), List.of(new Protocol(LiveApi.SUBPROTOCOL)))));
            this.authorizer = authorizer;
            this.connections = connections;
            this.executor = executor;
        }

        @Override
        public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket socket, Draft draft, ClientHandshake request)
            throws InvalidDataException {
            ServerHandshakeBuilder response = super.onWebsocketHandshakeReceivedAsServer(socket, draft, request);
            if (refusing) {
                throw new InvalidDataException(CloseFrame.TRY_AGAIN_LATER, "Service Unavailable");
            }
            if (request.getFieldValue(LiveApi.TOKEN_HEADER).isEmpty()) {
                // API Gateway answers 401 without calling the authorizer when the identity source is missing
                throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "Unauthorized");
            }
            String connectionId = connectionId();
            long now = System.currentTimeMillis();
            ObjectNode headers = headers(request);
            JsonNode policy = invoke(authorizer, authorizerEvent(connectionId, headers, request, now));
            if (!allowed(policy)) {
                throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "Forbidden");
            }
            ObjectNode context = JSON.createObjectNode();
            context.put("principalId", policy.path("principalId").asText());
            policy.path("context").fields().forEachRemaining(field -> context.put(field.getKey(), field.getValue().asText()));
            Session session = new Session(connectionId, context, now);
            JsonNode connected = invoke(connections, routeEvent("$connect", "CONNECT", session, headers, request));
            int status = connected.path("statusCode").asInt(500);
            if (status < 200 || status > 299) {
                throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "$connect answered " + status);
            }
            socket.setAttachment(session);
            sockets.put(connectionId, socket);
            return response;
        }

        @Override
        public void onOpen(WebSocket socket, ClientHandshake handshake) {
        }

        @Override
        public void onClose(WebSocket socket, int code, String reason, boolean remote) {
            Session session = socket.getAttachment();
            if (session == null || sockets.remove(session.connectionId()) == null) {
                return;
            }
            executor.execute(() -> {
                ObjectNode event = routeEvent("$disconnect", "DISCONNECT", session, JSON.createObjectNode(), null);
                event.with("requestContext").put("disconnectStatusCode", code);
                event.with("requestContext").put("disconnectReason", reason == null ? "" : reason);
                try {
                    invoke(connections, event);
                } catch (RuntimeException failure) {
                    System.err.println("$disconnect failed for " + session.connectionId() + ": " + failure);
                }
            });
        }

        @Override
        public void onMessage(WebSocket socket, String message) {
            // the shop's clients only listen: API Gateway without a $default route drops such messages
        }

        @Override
        public void onError(WebSocket socket, Exception failure) {
            if (socket == null) {
                System.err.println("Local WebSocket API: " + failure);
            }
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        /** {@code POST /@connections/{id}} sends the body as one text frame; {@code DELETE} closes the connection. */
        void manage(HttpExchange exchange) throws IOException {
            try (exchange) {
                String raw = exchange.getRequestURI().getRawPath().substring("/@connections/".length());
                String connectionId = URLDecoder.decode(raw, StandardCharsets.UTF_8);
                byte[] body = exchange.getRequestBody().readAllBytes();
                WebSocket socket = sockets.get(connectionId);
                if (socket == null || !awaitOpen(socket)) {
                    exchange.getResponseHeaders().set("x-amzn-ErrorType", "GoneException");
                    exchange.getResponseHeaders().set("content-type", "application/json");
                    send(exchange, 410, "{\"message\":null}".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                switch (exchange.getRequestMethod()) {
                    case "POST" -> {
                        socket.send(new String(body, StandardCharsets.UTF_8));
                        send(exchange, 200, new byte[0]);
                    }
                    case "DELETE" -> {
                        socket.close(CloseFrame.NORMAL, "closed by the API");
                        send(exchange, 204, new byte[0]);
                    }
                    default -> send(exchange, 405, new byte[0]);
                }
            }
        }

        /** A push can race the end of the handshake by a few milliseconds. */
        private static boolean awaitOpen(WebSocket socket) {
            for (int i = 0; i < 100 && !socket.isOpen() && !socket.isClosed() && !socket.isClosing(); i++) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return socket.isOpen();
        }

        private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }

        private static boolean allowed(JsonNode policy) {
            for (JsonNode statement : policy.path("policyDocument").path("Statement")) {
                if (!"Allow".equals(statement.path("Effect").asText())) {
                    return false;
                }
            }
            return policy.path("policyDocument").path("Statement").size() > 0;
        }

        private JsonNode invoke(LambdaFunction function, ObjectNode event) {
            try {
                return JSON.readTree(function.invoke(event.toString()));
            } catch (IOException e) {
                throw new IllegalStateException(function.name() + " answered no JSON", e);
            }
        }

        /** API Gateway's connection ids: 16 characters of base64. */
        private static String connectionId() {
            byte[] bytes = new byte[11];
            RANDOM.nextBytes(bytes);
            return Base64.getUrlEncoder().encodeToString(bytes);
        }

        private static ObjectNode headers(ClientHandshake request) {
            ObjectNode headers = JSON.createObjectNode();
            Iterator<String> names = request.iterateHttpFields();
            while (names.hasNext()) {
                String name = names.next();
                headers.put(name, request.getFieldValue(name));
            }
            return headers;
        }

        private ObjectNode authorizerEvent(String connectionId, ObjectNode headers, ClientHandshake request, long now) {
            ObjectNode event = JSON.createObjectNode();
            event.put("type", "REQUEST");
            event.put("methodArn", "arn:aws:execute-api:us-east-1:000000000000:" + API_ID + "/" + LiveApi.STAGE + "/$connect");
            event.set("headers", headers);
            event.set("queryStringParameters", query(request.getResourceDescriptor()));
            ObjectNode context = requestContext(connectionId, "$connect", "CONNECT", now);
            event.set("requestContext", context);
            return event;
        }

        private ObjectNode routeEvent(String routeKey, String eventType, Session session, ObjectNode headers, ClientHandshake request) {
            ObjectNode event = JSON.createObjectNode();
            if (!headers.isEmpty()) {
                event.set("headers", headers);
            }
            if (request != null) {
                event.set("queryStringParameters", query(request.getResourceDescriptor()));
            }
            ObjectNode context = requestContext(session.connectionId(), routeKey, eventType, session.connectedAt());
            context.set("authorizer", session.authorizerContext());
            event.set("requestContext", context);
            event.put("isBase64Encoded", false);
            return event;
        }

        private ObjectNode requestContext(String connectionId, String routeKey, String eventType, long connectedAt) {
            long now = System.currentTimeMillis();
            ObjectNode context = JSON.createObjectNode();
            context.put("routeKey", routeKey);
            context.put("eventType", eventType);
            context.put("messageDirection", "IN");
            context.put("connectionId", connectionId);
            context.put("connectedAt", connectedAt);
            context.put("requestTimeEpoch", now);
            context.put("requestId", Long.toHexString(now) + "-" + requests.incrementAndGet());
            context.put("apiId", API_ID);
            context.put("stage", LiveApi.STAGE);
            context.put("domainName", "localhost");
            context.putObject("identity").put("sourceIp", "127.0.0.1");
            return context;
        }

        private static ObjectNode query(String resource) {
            ObjectNode parameters = JSON.createObjectNode();
            int question = resource == null ? -1 : resource.indexOf('?');
            if (question < 0) {
                return parameters;
            }
            for (String pair : resource.substring(question + 1).split("&")) {
                if (!pair.isEmpty()) {
                    int equals = pair.indexOf('=');
                    String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                    parameters.put(name, equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
            return parameters;
        }
    }
}
