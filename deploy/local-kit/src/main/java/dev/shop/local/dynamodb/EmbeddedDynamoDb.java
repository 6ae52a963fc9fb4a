package dev.shop.local.dynamodb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import dev.shop.local.OwnerOnlyFiles;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local running in this JVM behind its HTTP endpoint, so the services
 * reach it exactly as they reach DynamoDB: through the SDK over HTTP. It
 * accepts any credentials, so it listens on loopback only: DynamoDB Local
 * itself binds every interface and has no option for the address, so its
 * Jetty connector is given the loopback host before it starts.
 */
public final class EmbeddedDynamoDb implements AutoCloseable {

    private final DynamoDBProxyServer server;
    private final int port;

    private EmbeddedDynamoDb(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** In memory: for tests, gone when stopped. Port 0 picks a free port. */
    public static EmbeddedDynamoDb inMemory(int port) {
        return start(port, List.of("-inMemory"));
    }

    /** Kept in {@code directory} between runs (one shared database file). */
    public static EmbeddedDynamoDb onDisk(Path directory, int port) {
        OwnerOnlyFiles.directory(directory);
        return start(port, List.of("-dbPath", directory.toAbsolutePath().toString(), "-sharedDb"));
    }

    private static EmbeddedDynamoDb start(int requestedPort, List<String> storage) {
        int port = requestedPort == 0 ? freePort() : requestedPort;
        List<String> args = new ArrayList<>(storage);
        args.addAll(List.of("-port", Integer.toString(port), "-disableTelemetry"));
        try {
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
            bindToLoopback(server);
            server.start();
            return new EmbeddedDynamoDb(server, port);
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start on port " + port, e);
        }
    }

    private static void bindToLoopback(DynamoDBProxyServer proxy) throws ReflectiveOperationException {
        Field field = DynamoDBProxyServer.class.getDeclaredField("server");
        field.setAccessible(true);
        Server jetty = (Server) field.get(proxy);
        Connector[] connectors = jetty.getConnectors();
        if (connectors.length == 0) {
            throw new IllegalStateException("DynamoDB Local has no connector to bind to loopback");
        }
        for (Connector connector : connectors) {
            if (!(connector instanceof ServerConnector serverConnector)) {
                throw new IllegalStateException("Cannot bind DynamoDB Local's " + connector + " to loopback");
            }
            serverConnector.setHost(InetAddress.getLoopbackAddress().getHostAddress());
        }
    }

    public String endpoint() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** A client for set-up work (creating the table, seeding, test assertions). */
    public DynamoDbClient client() {
        return DynamoDbClient.builder()
            .endpointOverride(URI.create(endpoint()))
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClientBuilder(ApacheHttpClient.builder())
            .build();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop", e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
