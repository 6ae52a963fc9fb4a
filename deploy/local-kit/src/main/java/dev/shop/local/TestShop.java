package dev.shop.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.common.routes.Service;
import dev.shop.common.table.TableProvisioner;
import dev.shop.local.client.ApiClient;
import dev.shop.local.dynamodb.EmbeddedDynamoDb;
import dev.shop.local.gateway.JwtAuthorizer;
import dev.shop.local.gateway.LocalGateway;
import dev.shop.local.identity.IdentityProviderConfig;
import dev.shop.local.identity.LocalIdentityProvider;
import dev.shop.local.lambda.LambdaFunction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The whole request path for a service's tests, started once per test JVM:
 * DynamoDB Local in memory with the table created, the local identity
 * provider, the service's real Lambda handler, and the local gateway in front
 * of it. Tests call the gateway over HTTP, so every request goes
 * HTTP → payload 2.0 event → handler → DynamoDB Local.
 *
 * <p>The service under test runs from the test class path. Other services a
 * test needs (cart tests create products through catalog-service) run from
 * their Lambda jars in their own class loaders, found in the directory named
 * by the system property {@value #LAMBDAS_PROPERTY}.
 */
public final class TestShop {

    public static final String LAMBDAS_PROPERTY = "shop.test.lambdas";
    public static final String PASSWORD = "Test-Passw0rd";
    private static final String TABLE = "shop-test";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestShop running;

    private final EmbeddedDynamoDb dynamoDb;
    private final DynamoDbClient client;
    private final LocalIdentityProvider identity;
    private final LocalGateway gateway;
    private final LambdaFunction underTest;

    private TestShop(EmbeddedDynamoDb dynamoDb, LocalIdentityProvider identity, LocalGateway gateway, LambdaFunction underTest) {
        this.dynamoDb = dynamoDb;
        this.client = dynamoDb.client();
        this.identity = identity;
        this.gateway = gateway;
        this.underTest = underTest;
    }

    /** The running shop for this JVM, started on first use with {@code service} from the class path. */
    public static synchronized TestShop serving(Service service) {
        if (running == null) {
            running = start(service);
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop));
        }
        return running;
    }

    private static TestShop start(Service underTest) {
        EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.inMemory(0);
        try (DynamoDbClient setup = dynamoDb.client()) {
            new TableProvisioner(setup).createIfMissing(TABLE);
        }
        LocalIdentityProvider identity = LocalIdentityProvider.start(IdentityProviderConfig.inMemory());
        LocalSettings.apply(LocalSettings.of(TABLE, identity.issuer(), identity.clientId(),
            "test-cursor-secret-" + UUID.randomUUID(), dynamoDb.endpoint()));

        Map<Service, LambdaFunction> functions = new EnumMap<>(Service.class);
        LambdaFunction function = LambdaFunction.fromClassLoader(underTest.moduleName(),
            TestShop.class.getClassLoader(), Service.HANDLER);
        functions.put(underTest, function);
        String lambdas = System.getProperty(LAMBDAS_PROPERTY);
        if (lambdas != null) {
            for (Service other : Service.values()) {
                Path jar = other.lambdaPackage(Path.of(lambdas));
                if (other != underTest && Files.exists(jar)) {
                    functions.put(other, LambdaFunction.fromJar(other.moduleName(), jar, Service.HANDLER));
                }
            }
        }
        LocalGateway gateway = LocalGateway.start(0, functions, new JwtAuthorizer(identity.issuer(), identity.clientId()));
        return new TestShop(dynamoDb, identity, gateway, function);
    }

    public String url() {
        return gateway.url();
    }

    public DynamoDbClient dynamoDb() {
        return client;
    }

    public String tableName() {
        return TABLE;
    }

    public LocalIdentityProvider identity() {
        return identity;
    }

    /**
     * Invokes the service's handler directly with a payload 2.0 event, bypassing
     * the gateway: how tests reach the bearer-token path that runs when no
     * authorizer sits in front of the function.
     */
    public String invokeDirectly(String eventJson) {
        return underTest.invoke(eventJson);
    }

    /** A client with no token. */
    public ApiClient anonymous() {
        return new ApiClient(url(), null, Map.of());
    }

    /** A new shopper, signed up and logged in through the identity provider. */
    public TestUser newShopper() {
        return newUser(Set.of());
    }

    /** A new member of the {@code admin} group. */
    public TestUser newAdmin() {
        return newUser(Set.of("admin"));
    }

    public TestUser newUser(Set<String> groups) {
        String username = "user-" + UUID.randomUUID() + "@test.local";
        identity.ensureUser(username, PASSWORD, username, groups);
        String accessToken = identity.login(username, PASSWORD).accessToken();
        return new TestUser(username, subjectOf(accessToken), accessToken, new ApiClient(url(), accessToken, Map.of()));
    }

    private static String subjectOf(String jwt) {
        try {
            byte[] payload = Base64.getUrlDecoder().decode(jwt.split("\\.")[1]);
            return JSON.readTree(new String(payload, StandardCharsets.UTF_8)).path("sub").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void stop() {
        gateway.close();
        identity.close();
        client.close();
        dynamoDb.close();
    }

    /** A signed-in user: the Cognito username, the {@code sub} that is the shop's user id, and a client carrying the token. */
    public record TestUser(String username, String userId, String accessToken, ApiClient api) {
    }
}
