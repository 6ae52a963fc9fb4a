package dev.shop.local.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.shop.local.LoopbackHttpServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;

/**
 * A Cognito user pool on loopback, for the local stack and the services'
 * tests. The AWS SDK's {@code CognitoIdentityProviderClient} talks to
 * {@link #endpoint()} as it would to Cognito, and JWT verifiers trust
 * {@link #issuer()} and {@link #jwksUrl()} as they would a real pool's.
 * URLs name {@code localhost} rather than the bound address, because the
 * issuer is compared as a string and browsers treat the two as different origins.
 */
public final class LocalIdentityProvider implements AutoCloseable {

    /** Enough for a browser and a handful of test threads; the work per request is small. */

    private final HttpServer server;
    private final IdentityService identity;
    private final SigningKey key;
    private final String userPoolId;
    private final String clientId;
    private final String endpoint;
    private final String issuer;
    private final AdminCredentials adminCredentials;

    private LocalIdentityProvider(HttpServer server, IdentityService identity,
                                  SigningKey key, IdentityProviderConfig config, String endpoint, String issuer,
                                  AdminCredentials adminCredentials) {
        this.adminCredentials = adminCredentials;
        this.server = server;
        this.identity = identity;
        this.key = key;
        this.userPoolId = config.userPoolId();
        this.clientId = config.clientId();
        this.endpoint = endpoint;
        this.issuer = issuer;
    }

    /** Loads or creates the pool's key and users, then serves them; returns once the port is open. */
    public static LocalIdentityProvider start(IdentityProviderConfig config) {
        Objects.requireNonNull(config, "config");
        ObjectMapper json = new ObjectMapper();
        SecureRandom random = new SecureRandom();
        SigningKey key = SigningKey.loadOrCreate(config.stateDir());
        UserStore users = UserStore.open(config.stateDir(), json);
        HttpServer server;
        try {
            server = LoopbackHttpServers.create(config.bindAddress(), config.port(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + config.bindAddress() + ":" + config.port(), e);
        }
        // The issuer needs the port, which is only known once bound when the config asked for any free one.
        String endpoint = "http://localhost:" + server.getAddress().getPort();
        String issuer = endpoint + "/" + config.userPoolId();
        IdentityService identity = new IdentityService(users, key,
                new PasswordHasher(random), issuer, config.userPoolId(), config.clientId(), Clock.systemUTC(), random);
        AdminCredentials adminCredentials = AdminCredentials.loadOrCreate(config.stateDir(), json, random);
        SigV4Verifier signatures = new SigV4Verifier(adminCredentials, region(config.userPoolId()), Clock.systemUTC());
        server.createContext("/", new CognitoHttpHandler(identity, signatures, key, json, issuer, config.userPoolId()));
        server.start();
        return new LocalIdentityProvider(server, identity, key, config, endpoint, issuer, adminCredentials);
    }

    /** A pool id is {@code <region>_<id>}: requests to it are signed for that region. */
    private static String region(String userPoolId) {
        return userPoolId.substring(0, userPoolId.indexOf('_'));
    }

    /**
     * The credentials the administrative operations ({@code Admin*}) must be
     * SigV4-signed with, for service {@code cognito-idp} in the pool's region.
     */
    public AdminCredentials adminCredentials() {
        return adminCredentials;
    }

    /** Where to point the AWS SDK's {@code endpointOverride}: {@code http://localhost:<port>}. */
    public String endpoint() {
        return endpoint;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://localhost:<port>/<userPoolId>}, the {@code iss} of every token. */
    public String issuer() {
        return issuer;
    }

    public String jwksUrl() {
        return issuer + "/.well-known/jwks.json";
    }

    public String userPoolId() {
        return userPoolId;
    }

    public String clientId() {
        return clientId;
    }

    /**
     * Makes the user exist with exactly this password, email and groups, for
     * seeding: calling it again with the same values changes nothing, and the
     * user's {@code sub}, which is returned, never changes.
     *
     * @throws CognitoException {@code InvalidPasswordException} or {@code InvalidParameterException}
     *                          for values Cognito would refuse
     */
    public String ensureUser(String username, String password, String email, Set<String> groups) {
        return identity.ensureUser(username, password, email, groups);
    }

    /**
     * Signs in as {@code InitiateAuth} with {@code USER_PASSWORD_AUTH} does.
     *
     * @throws CognitoException {@code NotAuthorizedException} for a wrong password or an unknown user
     */
    public AuthTokens login(String username, String password) {
        return identity.passwordAuth(clientId, username, password);
    }

    /** New access and ID tokens, as {@code InitiateAuth} with {@code REFRESH_TOKEN_AUTH} returns them. */
    public AuthTokens refresh(String refreshToken) {
        return identity.refresh(clientId, refreshToken);
    }

    SigningKey signingKey() {
        return key;
    }

    /** Stops serving at once; with a state directory, everything is already on disk. */
    @Override
    public void close() {
        server.stop(0);
    }
}
