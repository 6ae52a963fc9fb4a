package dev.shop.local.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.shop.common.live.LiveApi;
import dev.shop.common.routes.Service;
import dev.shop.common.table.TableProvisioner;
import dev.shop.local.Closeables;
import dev.shop.local.LocalSettings;
import dev.shop.local.OwnerOnlyFiles;
import dev.shop.local.client.ApiClient;
import dev.shop.local.dynamodb.EmbeddedDynamoDb;
import dev.shop.local.gateway.JwtAuthorizer;
import dev.shop.local.gateway.LocalGateway;
import dev.shop.local.identity.IdentityProviderConfig;
import dev.shop.local.identity.LocalIdentityProvider;
import dev.shop.local.lambda.LambdaFunction;
import dev.shop.local.live.LocalLiveEvents;
import dev.shop.local.site.StaticSite;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The whole shop on one machine, started with one command: DynamoDB Local,
 * the Cognito-compatible identity endpoint, and each service's Lambda jar in
 * its own class loader behind the local gateway. This class is wiring only;
 * every rule lives in the services.
 */
public final class ShopLocal implements AutoCloseable {

    public static final String TABLE_NAME = "shop";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<AutoCloseable> parts;
    private final StackInfo info;
    private final LocalLiveEvents live;

    private ShopLocal(List<AutoCloseable> parts, StackInfo info, LocalLiveEvents live) {
        this.parts = parts;
        this.info = info;
        this.live = live;
    }

    public static ShopLocal start(StackOptions options) {
        List<AutoCloseable> parts = new ArrayList<>();
        try {
            options.stateDir().ifPresent(OwnerOnlyFiles::directory);
            EmbeddedDynamoDb dynamoDb = options.stateDir()
                .map(dir -> EmbeddedDynamoDb.onDisk(dir.resolve("dynamodb"), options.dynamoDbPort()))
                .orElseGet(() -> EmbeddedDynamoDb.inMemory(options.dynamoDbPort()));
            parts.add(dynamoDb);
            try (DynamoDbClient setup = dynamoDb.client()) {
                new TableProvisioner(setup).createIfMissing(TABLE_NAME);
            }

            IdentityProviderConfig identityConfig = options.stateDir()
                .map(dir -> IdentityProviderConfig.persistent(options.cognitoPort(), dir.resolve("identity")))
                .orElseGet(() -> IdentityProviderConfig.inMemory().withPort(options.cognitoPort()));
            LocalIdentityProvider identity = LocalIdentityProvider.start(identityConfig);
            parts.add(identity);

            LocalSettings.apply(LocalSettings.of(TABLE_NAME, identity.issuer(), identity.clientId(),
                cursorSecret(options), dynamoDb.endpoint()));

            StaticSite site = StaticSite.start(options.storefrontPort(), ShopLocal.class.getClassLoader());
            parts.add(site);

            Map<Service, LambdaFunction> functions = new EnumMap<>(Service.class);
            for (Service service : Service.values()) {
                Path jar = service.lambdaPackage(options.lambdasDir());
                if (!Files.exists(jar)) {
                    throw new IllegalStateException("No Lambda jar at " + jar + "; build it with ./mvnw -DskipTests package");
                }
                LambdaFunction function = LambdaFunction.fromJar(service.moduleName(), jar, Service.HANDLER);
                parts.add(function);
                functions.put(service, function);
            }
            LocalGateway gateway = LocalGateway.start(options.gatewayPort(), functions,
                new JwtAuthorizer(identity.issuer(), identity.clientId()), site.origins());
            parts.add(0, gateway);
            LocalLiveEvents live = LocalLiveEvents.start(LiveApi.SERVICE.lambdaPackage(options.lambdasDir()),
                dynamoDb.endpoint(), TABLE_NAME, options.gatewayPort() == 0 ? 0 : StackOptions.WEBSOCKET_PORT);
            parts.add(0, live);

            StackInfo info = new StackInfo(gateway.url(), identity.endpoint(), identity.userPoolId(), identity.clientId(),
                identity.issuer(), dynamoDb.endpoint(), LocalSettings.REGION, TABLE_NAME, DemoData.USERS, site.url(),
                docsUrl(site.url(), gateway.url()),
                live.webSocketUrl(), identity.adminCredentials().accessKeyId(), identity.adminCredentials().secretAccessKey());
            site.publishConfig(storefrontConfig(info));
            ShopLocal shop = new ShopLocal(parts, info, live);
            if (options.seed()) {
                DemoData.seedUsers(identity);
                StackInfo.DemoUser admin = DemoData.USERS.get(0);
                String token = identity.login(admin.username(), admin.password()).accessToken();
                int added = DemoData.seedCatalog(shop.client().withoutContractCheck().withToken(token));
                if (added > 0) {
                    System.out.println("Seeded the demo catalog: " + added + " products");
                }
            }
            writeStackFile(options.outputDir(), info);
            return shop;
        } catch (RuntimeException failure) {
            Closeables.closeAll(parts);
            throw failure;
        }
    }

    public StackInfo info() {
        return info;
    }

    /** The live-events path: the WebSocket API, the stream's event source and its dead letters. */
    public LocalLiveEvents live() {
        return live;
    }

    /** A client for the running API, with no token. */
    public ApiClient client() {
        return ApiClient.forUrl(info.apiUrl());
    }

    /**
     * The storefront's {@code config.json}: the fields of stack.json a browser
     * needs, under the same names, so the same file shape comes from the CDK
     * stack's outputs on AWS. No passwords, no DynamoDB endpoint.
     */
    /**
     * The browsable API documentation: Swagger UI from the api module, served with the storefront (so its "Try it
     * out" calls the API from an origin the API's CORS allows), pointed at this stack's API.
     */
    static String docsUrl(String storefrontUrl, String apiUrl) {
        return storefrontUrl + "/api-docs/?api=" + URLEncoder.encode(apiUrl, StandardCharsets.UTF_8);
    }

    static String storefrontConfig(StackInfo info) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("apiUrl", info.apiUrl());
        config.put("cognitoEndpoint", info.cognitoEndpoint());
        config.put("userPoolId", info.userPoolId());
        config.put("clientId", info.clientId());
        config.put("issuer", info.issuer());
        config.put("region", info.region());
        config.put("webSocketUrl", info.webSocketUrl());
        try {
            return JSON.writeValueAsString(config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cursor HMAC key: kept with the data so cursors stay valid across restarts. */
    private static String cursorSecret(StackOptions options) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String fresh = HexFormat.of().formatHex(random);
        if (options.stateDir().isEmpty()) {
            return fresh;
        }
        Path file = options.stateDir().get().resolve("cursor-secret");
        try {
            if (Files.exists(file)) {
                OwnerOnlyFiles.restrict(file);
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            OwnerOnlyFiles.writeAtomically(file, fresh.getBytes(StandardCharsets.UTF_8));
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** It holds the stack's admin credentials: owner-only, like every secret under {@code .local/}. */
    private static void writeStackFile(Path outputDir, StackInfo info) {
        try {
            OwnerOnlyFiles.writeAtomically(outputDir.resolve("stack.json"), JSON.writeValueAsBytes(info));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        Closeables.closeAll(parts);
    }

    /**
     * {@code java -jar deploy/local/target/shop-local.jar [--in-memory]} from the
     * repository root; the README's run command does this after building.
     */
    public static void main(String[] args) throws InterruptedException {
        Path root = Path.of(System.getProperty("shop.root", ".")).toAbsolutePath().normalize();
        Path lambdas = Path.of(System.getProperty("shop.lambdas", root.resolve("deploy/local/target/lambdas").toString()));
        boolean inMemory = List.of(args).contains("--in-memory");
        StackOptions options = inMemory
            ? new StackOptions(Optional.empty(), root.resolve(".local"), StackOptions.GATEWAY_PORT,
                StackOptions.COGNITO_PORT, StackOptions.DYNAMODB_PORT, StackOptions.STOREFRONT_PORT, lambdas, true)
            : StackOptions.persistent(root, lambdas);
        ShopLocal shop = start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the shop" + (inMemory ? "" : "; data kept in .local/"));
            shop.close();
            stopped.countDown();
        }, "shop-local-shutdown"));
        StackInfo info = shop.info();
        System.out.printf("""

            Shop is running.
              Storefront         %s  (open it in a browser)
              API docs           %s  (Swagger UI; "Try it out" with a pasted access token)
              API                %s
              Cognito endpoint   %s  (user pool %s, client %s)
              Issuer / JWKS      %s/.well-known/jwks.json
              DynamoDB Local     %s  (table %s)
              Live events        %s  (WebSocket, subprotocol %s + access token)
              Users              %s / %s (admin), %s / %s
              Written to         %s
            Press Ctrl-C to stop.
            %n""", info.storefrontUrl(), info.docsUrl(), info.apiUrl(), info.cognitoEndpoint(), info.userPoolId(), info.clientId(), info.issuer(),
            info.dynamodbEndpoint(), info.tableName(), info.webSocketUrl(), LiveApi.SUBPROTOCOL,
            info.users().get(0).username(), info.users().get(0).password(),
            info.users().get(1).username(), info.users().get(1).password(),
            options.outputDir().resolve("stack.json"));
        stopped.await();
    }
}
