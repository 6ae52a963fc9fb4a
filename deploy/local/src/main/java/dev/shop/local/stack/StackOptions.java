package dev.shop.local.stack;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How to start the local stack.
 *
 * @param stateDir     where DynamoDB Local, the identity provider and the cursor key keep their
 *                     data between runs ({@code <repo>/.local}); empty keeps everything in memory
 * @param outputDir    where {@code stack.json} is written ({@code <repo>/.local})
 * @param gatewayPort  the API's port (8080; 0 picks a free one)
 * @param cognitoPort  the identity endpoint's port (9229; 0 picks a free one)
 * @param dynamoDbPort DynamoDB Local's port (8000; 0 picks a free one)
 * @param storefrontPort the storefront's port (8081; 0 picks a free one): its own origin, as on AWS
 * @param lambdasDir   the directory holding {@code <service>.zip} Lambda jars
 * @param seed         whether to create the demo users and, on an empty catalog, the demo products
 */
public record StackOptions(Optional<Path> stateDir, Path outputDir, int gatewayPort, int cognitoPort,
                           int dynamoDbPort, int storefrontPort, Path lambdasDir, boolean seed) {

    public static final int GATEWAY_PORT = 8080;
    public static final int COGNITO_PORT = 9229;
    public static final int DYNAMODB_PORT = 8000;
    public static final int STOREFRONT_PORT = 8081;
    /** The live-events WebSocket API's port when the stack runs on its fixed ports (free ports: a free one too). */
    public static final int WEBSOCKET_PORT = 8090;

    /** The stack the README's run command starts: data kept under {@code <repo>/.local}. */
    public static StackOptions persistent(Path repoRoot, Path lambdasDir) {
        Path local = repoRoot.resolve(".local");
        return new StackOptions(Optional.of(local), local, GATEWAY_PORT, COGNITO_PORT, DYNAMODB_PORT, STOREFRONT_PORT, lambdasDir, true);
    }

    /** Everything in memory on free ports: for tests and load-test smoke runs. */
    public static StackOptions inMemory(Path outputDir, Path lambdasDir) {
        return new StackOptions(Optional.empty(), outputDir, 0, 0, 0, 0, lambdasDir, true);
    }
}
