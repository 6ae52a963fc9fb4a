package dev.shop.local.identity;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the local identity provider listens and which user pool it pretends
 * to be.
 *
 * @param bindAddress the loopback address the server binds to
 * @param port        the port, or 0 for a free one
 * @param userPoolId  the pool id, shaped like Cognito's {@code <region>_<id>} so that code parsing it works unchanged
 * @param clientId    the one app client; every {@code InitiateAuth} and {@code SignUp} must name it
 * @param stateDir    where the signing key and the users are kept between runs; empty keeps everything in memory
 */
public record IdentityProviderConfig(String bindAddress, int port, String userPoolId, String clientId,
                                     Optional<Path> stateDir) {

    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    public static final String DEFAULT_USER_POOL_ID = "us-east-1_localShop";
    /** Letters and digits only, like a real Cognito app client id. */
    public static final String DEFAULT_CLIENT_ID = "shoplocalwebclient";

    private static final Pattern USER_POOL_ID = Pattern.compile("[\\w-]+_[0-9a-zA-Z]+");
    private static final Pattern CLIENT_ID = Pattern.compile("[\\w+]{1,128}");

    public IdentityProviderConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(stateDir, "stateDir");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (userPoolId == null || !USER_POOL_ID.matcher(userPoolId).matches()) {
            throw new IllegalArgumentException("userPoolId must look like <region>_<id>, was " + userPoolId);
        }
        if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
            throw new IllegalArgumentException("clientId must be 1..128 word characters, was " + clientId);
        }
    }

    /** A provider on a free loopback port that forgets everything when closed: what tests want. */
    public static IdentityProviderConfig inMemory() {
        return new IdentityProviderConfig(DEFAULT_BIND_ADDRESS, 0, DEFAULT_USER_POOL_ID, DEFAULT_CLIENT_ID,
                Optional.empty());
    }

    /** A provider on a fixed port that keeps its key and users in {@code stateDir}: what the local stack wants. */
    public static IdentityProviderConfig persistent(int port, Path stateDir) {
        return new IdentityProviderConfig(DEFAULT_BIND_ADDRESS, port, DEFAULT_USER_POOL_ID, DEFAULT_CLIENT_ID,
                Optional.of(stateDir));
    }

    public IdentityProviderConfig withPort(int newPort) {
        return new IdentityProviderConfig(bindAddress, newPort, userPoolId, clientId, stateDir);
    }
}
