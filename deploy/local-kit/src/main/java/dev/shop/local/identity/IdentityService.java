package dev.shop.local.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.shop.common.email.EmailAddress;

/**
 * The user pool's behaviour, with Cognito's rules and error types, behind
 * both the JSON endpoint and the Java API.
 */
final class IdentityService {

    /** Cognito's default refresh token lifetime. */
    static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofDays(30);
    private static final Duration TOKEN_LIFETIME = Duration.ofSeconds(AuthTokens.EXPIRES_IN_SECONDS);
    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]{1,128}");
    private static final Pattern GROUP_NAME = USERNAME;
    private static final String BAD_CREDENTIALS = "Incorrect username or password.";

    private final UserStore users;
    private final SigningKey key;
    private final PasswordHasher hasher;
    private final String issuer;
    private final String userPoolId;
    private final String clientId;
    private final Clock clock;
    private final SecureRandom random;
    /** Checked against for unknown usernames, so they take as long to refuse as a wrong password. */
    private final String decoyHash;

    IdentityService(UserStore users, SigningKey key, PasswordHasher hasher, String issuer, String userPoolId,
                    String clientId, Clock clock, SecureRandom random) {
        this.users = users;
        this.key = key;
        this.hasher = hasher;
        this.issuer = issuer;
        this.userPoolId = userPoolId;
        this.clientId = clientId;
        this.clock = clock;
        this.random = random;
        this.decoyHash = hasher.hash(UUID.randomUUID().toString());
    }

    /** Registers a user, confirmed at once (the local pool sends no codes), and returns its {@code sub}. */
    String signUp(String requestClientId, String username, String password, Optional<String> email) {
        requireClient(requestClientId);
        requireUsername(username);
        PasswordPolicy.check(password);
        String address = email.or(() -> EmailAddress.isValid(username) ? Optional.of(username) : Optional.empty())
                .orElseThrow(() -> CognitoException.invalidParameter(
                        "Attributes did not conform to the schema: email: The attribute email is required"));
        requireEmail(address);
        if (users.find(username).isPresent()) {
            throw new CognitoException(CognitoException.USERNAME_EXISTS, "User already exists");
        }
        UserRecord user = new UserRecord(username, UUID.randomUUID().toString(), address, List.of(),
                hasher.hash(password));
        users.create(user);
        return user.sub();
    }

    AuthTokens passwordAuth(String requestClientId, String username, String password) {
        requireClient(requestClientId);
        Optional<UserRecord> user = users.find(username);
        boolean matches = hasher.matches(password, user.map(UserRecord::passwordHash).orElse(decoyHash));
        if (user.isEmpty() || !matches) {
            // Unknown users get the same answer as wrong passwords, as with Cognito's PreventUserExistenceErrors.
            throw CognitoException.notAuthorized(BAD_CREDENTIALS);
        }
        Instant now = clock.instant();
        Session session = new Session(UUID.randomUUID().toString(), UUID.randomUUID().toString(), now);
        String refreshToken = newRefreshToken();
        users.addGrant(new RefreshGrant(sha256(refreshToken), user.get().username(), session.originJti(),
                now.getEpochSecond(), now.plus(REFRESH_TOKEN_LIFETIME).getEpochSecond()), now);
        return tokens(TokenSubject.of(user.get()), session, now, Optional.of(refreshToken));
    }

    /** New access and ID tokens for the same sign-in, with the user's current groups. */
    AuthTokens refresh(String requestClientId, String refreshToken) {
        requireClient(requestClientId);
        Instant now = clock.instant();
        RefreshGrant grant = users.grant(sha256(refreshToken))
                .orElseThrow(() -> CognitoException.notAuthorized("Invalid Refresh Token"));
        if (grant.expiredAt(now)) {
            throw CognitoException.notAuthorized("Refresh Token has expired");
        }
        UserRecord user = users.find(grant.username())
                .orElseThrow(() -> CognitoException.notAuthorized("Invalid Refresh Token"));
        Session session = new Session(grant.originJti(), UUID.randomUUID().toString(),
                Instant.ofEpochSecond(grant.authTime()));
        return tokens(TokenSubject.of(user), session, now, Optional.empty());
    }

    void revoke(String requestClientId, String refreshToken) {
        requireClient(requestClientId);
        users.removeGrant(sha256(refreshToken));
    }

    /** The user an access token of this pool was issued to. */
    UserRecord userFor(String accessToken) {
        JWTClaimsSet claims = key.verifiedClaims(accessToken)
                .filter(c -> issuer.equals(c.getIssuer()) && "access".equals(c.getClaim("token_use")))
                .orElseThrow(() -> CognitoException.notAuthorized("Invalid Access Token"));
        if (claims.getExpirationTime() == null || !claims.getExpirationTime().toInstant().isAfter(clock.instant())) {
            throw CognitoException.notAuthorized("Access Token has expired");
        }
        return users.findBySub(claims.getSubject())
                .orElseThrow(() -> new CognitoException(CognitoException.USER_NOT_FOUND, "User does not exist."));
    }

    void addToGroup(String requestUserPoolId, String username, String group) {
        requirePool(requestUserPoolId);
        requireGroupName(group);
        users.update(username, user -> user.withGroup(group));
    }

    void removeFromGroup(String requestUserPoolId, String username, String group) {
        requirePool(requestUserPoolId);
        requireGroupName(group);
        users.update(username, user -> user.withoutGroup(group));
    }

    /**
     * Makes the user exist with exactly this password, email and groups,
     * creating it or bringing it in line; its {@code sub} never changes.
     */
    String ensureUser(String username, String password, String email, Set<String> groups) {
        requireUsername(username);
        PasswordPolicy.check(password);
        requireEmail(email);
        groups.forEach(IdentityService::requireGroupName);
        Optional<UserRecord> existing = users.find(username);
        if (existing.isEmpty()) {
            UserRecord created = new UserRecord(username, UUID.randomUUID().toString(), email, List.copyOf(groups),
                    hasher.hash(password));
            try {
                users.create(created);
                return created.sub();
            } catch (CognitoException usernameTaken) {
                // A concurrent sign-up took the name first: bring that user in line instead.
                return ensureUser(username, password, email, groups);
            }
        }
        String hash = hasher.matches(password, existing.get().passwordHash())
                ? existing.get().passwordHash()
                : hasher.hash(password);
        return users.update(username,
                user -> new UserRecord(user.username(), user.sub(), email, List.copyOf(groups), hash)).sub();
    }

    private AuthTokens tokens(TokenSubject subject, Session session, Instant now, Optional<String> refreshToken) {
        Instant expiresAt = now.plus(TOKEN_LIFETIME);
        String access = key.sign(CognitoClaims.access(issuer, clientId, subject, session, now, expiresAt));
        String id = key.sign(CognitoClaims.id(issuer, clientId, subject, session, now, expiresAt));
        return new AuthTokens(access, id, refreshToken, AuthTokens.EXPIRES_IN_SECONDS);
    }

    private String newRefreshToken() {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void requireClient(String requestClientId) {
        if (!clientId.equals(requestClientId)) {
            throw new CognitoException(CognitoException.RESOURCE_NOT_FOUND,
                    "User pool client " + requestClientId + " does not exist.");
        }
    }

    private void requirePool(String requestUserPoolId) {
        if (!userPoolId.equals(requestUserPoolId)) {
            throw new CognitoException(CognitoException.RESOURCE_NOT_FOUND,
                    "User pool " + requestUserPoolId + " does not exist.");
        }
    }

    private static void requireUsername(String username) {
        if (!USERNAME.matcher(username).matches()) {
            throw CognitoException.invalidParameter("1 validation error detected: Value at 'username' failed to "
                    + "satisfy constraint: Member must satisfy regular expression pattern: " + USERNAME.pattern());
        }
    }

    private static void requireGroupName(String group) {
        if (!GROUP_NAME.matcher(group).matches()) {
            throw CognitoException.invalidParameter("1 validation error detected: Value at 'groupName' failed to "
                    + "satisfy constraint: Member must satisfy regular expression pattern: " + GROUP_NAME.pattern());
        }
    }

    private static void requireEmail(String email) {
        if (!EmailAddress.isValid(email)) {
            throw CognitoException.invalidParameter("Invalid email address format.");
        }
    }

    static String sha256(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
