package dev.shop.local.stack;

import java.util.List;
import java.util.Set;

/**
 * What {@code .local/stack.json} holds (docs/api.md, "The local stack and stack.json"). The
 * CDK stack's outputs carry the same fields, so a client pointed at this file
 * can be pointed at AWS by swapping the file. Locally it also holds the
 * stack's own credentials ({@code accessKeyId}, {@code secretAccessKey}),
 * which the identity endpoint's administrative operations must be
 * SigV4-signed with; the file is readable by its owner only.
 * {@code docsUrl} is the API's browsable documentation (docs/api.md);
 * {@code webSocketUrl} is the live-events WebSocket API (docs/live-events.md).
 */
public record StackInfo(String apiUrl, String cognitoEndpoint, String userPoolId, String clientId, String issuer,
                        String dynamodbEndpoint, String region, String tableName, List<DemoUser> users,
                        String storefrontUrl, String docsUrl, String webSocketUrl, String accessKeyId, String secretAccessKey) {

    /** A seeded user and the password the README gives for it. */
    public record DemoUser(String username, String password, Set<String> groups) {
    }
}
