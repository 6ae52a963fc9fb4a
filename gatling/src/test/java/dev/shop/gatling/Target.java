package dev.shop.gatling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.local.stack.ShopLocal;
import dev.shop.local.stack.StackOptions;

/**
 * The shop a run is aimed at, in one of three ways:
 * <ul>
 *   <li>{@code -Dshop.stack=path/to/stack.json}: a running stack described by a file with the fields of
 *       {@code .local/stack.json} (the local stack, or the AWS stack's outputs plus users);</li>
 *   <li>{@code -Dshop.apiUrl=... -Dshop.cognitoEndpoint=... -Dshop.clientId=...} with
 *       {@code -Dshop.adminUsername/-Dshop.adminPassword} and {@code -Dshop.shopperUsername/-Dshop.shopperPassword};</li>
 *   <li>neither (the default): a fresh in-memory local stack started in this JVM.</li>
 * </ul>
 *
 * <p>The API URL is known at construction even for the in-process stack (its gateway port is chosen
 * up front), because Gatling fixes the HTTP protocol's base URL when the simulation is built, before
 * {@code before()} starts the stack.
 */
final class Target implements AutoCloseable {

    /** A user the target already has (the stack file's {@code users}). */
    record User(String username, String password, Set<String> groups) {
        boolean isAdmin() {
            return groups.contains("admin");
        }
    }

    private final String apiUrl;
    private final Optional<StackOptions> inProcess;
    private String cognitoEndpoint;
    private String clientId;
    private List<User> users;
    private Optional<String> dynamodbEndpoint;
    private ShopLocal stack;

    private Target(String apiUrl, String cognitoEndpoint, String clientId, List<User> users,
                   Optional<String> dynamodbEndpoint, Optional<StackOptions> inProcess) {
        this.apiUrl = stripSlash(apiUrl);
        this.cognitoEndpoint = cognitoEndpoint;
        this.clientId = clientId;
        this.users = users;
        this.dynamodbEndpoint = dynamodbEndpoint;
        this.inProcess = inProcess;
    }

    static Target fromSystemProperties() {
        String stackFile = System.getProperty("shop.stack");
        if (stackFile != null && !stackFile.isBlank()) {
            return fromStackFile(Path.of(stackFile));
        }
        String apiUrl = System.getProperty("shop.apiUrl");
        if (apiUrl != null && !apiUrl.isBlank()) {
            List<User> users = new ArrayList<>();
            optionalUser("shop.adminUsername", "shop.adminPassword", Set.of("admin")).ifPresent(users::add);
            optionalUser("shop.shopperUsername", "shop.shopperPassword", Set.of()).ifPresent(users::add);
            return new Target(apiUrl, required("shop.cognitoEndpoint"), required("shop.clientId"), users,
                Optional.ofNullable(System.getProperty("shop.dynamodbEndpoint")), Optional.empty());
        }
        Path lambdas = Path.of(System.getProperty("shop.lambdas", "target/lambdas"));
        Path output = Path.of(System.getProperty("shop.stackOutput", "target/perf-stack"));
        int gatewayPort = freePort();
        StackOptions options = new StackOptions(Optional.empty(), output, gatewayPort, 0, 0, 0, lambdas, true);
        return new Target("http://127.0.0.1:" + gatewayPort, null, null, List.of(), Optional.empty(), Optional.of(options));
    }

    static Target fromStackFile(Path file) {
        try {
            JsonNode stack = new ObjectMapper().readTree(file.toFile());
            List<User> users = new ArrayList<>();
            for (JsonNode user : stack.path("users")) {
                Set<String> groups = new HashSet<>();
                user.path("groups").forEach(group -> groups.add(group.asText()));
                users.add(new User(user.path("username").asText(), user.path("password").asText(), Set.copyOf(groups)));
            }
            String dynamodb = stack.path("dynamodbEndpoint").asText("");
            return new Target(text(stack, "apiUrl", file), text(stack, "cognitoEndpoint", file), text(stack, "clientId", file),
                List.copyOf(users), dynamodb.isBlank() ? Optional.empty() : Optional.of(dynamodb), Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the stack file " + file.toAbsolutePath(), e);
        }
    }

    /** Starts the in-process stack if this target is one; a no-op for a running stack. */
    void start() {
        if (inProcess.isEmpty() || stack != null) {
            return;
        }
        stack = ShopLocal.start(inProcess.get());
        var info = stack.info();
        cognitoEndpoint = info.cognitoEndpoint();
        clientId = info.clientId();
        dynamodbEndpoint = Optional.of(info.dynamodbEndpoint());
        users = info.users().stream().map(user -> new User(user.username(), user.password(), user.groups())).toList();
    }

    boolean isInProcess() {
        return inProcess.isPresent();
    }

    String apiUrl() {
        return apiUrl;
    }

    String cognitoEndpoint() {
        return cognitoEndpoint;
    }

    String clientId() {
        return clientId;
    }

    Optional<String> dynamodbEndpoint() {
        return dynamodbEndpoint;
    }

    User admin() {
        return users.stream().filter(User::isAdmin).findFirst().orElseThrow(() -> new IllegalStateException(
            "The target names no admin user (a user in group 'admin' in the stack file, or -Dshop.adminUsername)"));
    }

    List<User> shoppers() {
        return users.stream().filter(user -> !user.isAdmin()).toList();
    }

    String describe() {
        return inProcess.isPresent() ? "in-process local stack at " + apiUrl : apiUrl;
    }

    @Override
    public void close() {
        if (stack != null) {
            stack.close();
            stack = null;
        }
    }

    private static Optional<User> optionalUser(String usernameProperty, String passwordProperty, Set<String> groups) {
        String username = System.getProperty(usernameProperty);
        return username == null || username.isBlank()
            ? Optional.empty()
            : Optional.of(new User(username, required(passwordProperty), groups));
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("-D" + property + " is required with -Dshop.apiUrl");
        }
        return value;
    }

    private static String text(JsonNode stack, String field, Path file) {
        String value = stack.path(field).asText("");
        if (value.isBlank()) {
            throw new IllegalArgumentException(file + " has no '" + field + "'");
        }
        return value;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
