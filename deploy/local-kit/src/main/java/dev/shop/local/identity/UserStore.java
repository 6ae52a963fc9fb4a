package dev.shop.local.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The pool's users and outstanding refresh tokens. Every method holds the
 * store's lock, and every change is written to {@code users.json} before the
 * method returns, so what a caller was told matches what is on disk. The
 * expensive work (password hashing) stays outside, in the callers.
 */
final class UserStore {

    static final String FILE_NAME = "users.json";
    private static final int FORMAT_VERSION = 1;

    /** The file's layout; {@code version} lets a later format read an older one. */
    record State(int version, List<UserRecord> users, List<RefreshGrant> refreshTokens) {
    }

    private final Optional<Path> file;
    private final ObjectMapper json;
    private final Map<String, UserRecord> usersByKey = new LinkedHashMap<>();
    private final Map<String, RefreshGrant> grantsByHash = new HashMap<>();

    private UserStore(Optional<Path> file, ObjectMapper json) {
        this.file = file;
        this.json = json;
    }

    static UserStore open(Optional<Path> stateDir, ObjectMapper json) {
        UserStore store = new UserStore(stateDir.map(dir -> dir.resolve(FILE_NAME)), json);
        store.file.flatMap(StateFiles::read).ifPresent(store::load);
        return store;
    }

    synchronized Optional<UserRecord> find(String username) {
        return Optional.ofNullable(usersByKey.get(UserRecord.key(username)));
    }

    synchronized Optional<UserRecord> findBySub(String sub) {
        return usersByKey.values().stream().filter(user -> user.sub().equals(sub)).findFirst();
    }

    /** Adds a user whose username is not taken yet. */
    synchronized void create(UserRecord user) {
        if (usersByKey.containsKey(user.key())) {
            throw new CognitoException(CognitoException.USERNAME_EXISTS, "User already exists");
        }
        usersByKey.put(user.key(), user);
        persist();
    }

    /** Replaces a user with {@code change} applied; a change that alters nothing writes nothing. */
    synchronized UserRecord update(String username, UnaryOperator<UserRecord> change) {
        UserRecord current = find(username)
                .orElseThrow(() -> new CognitoException(CognitoException.USER_NOT_FOUND, "User does not exist."));
        UserRecord changed = change.apply(current);
        if (!changed.equals(current)) {
            usersByKey.put(changed.key(), changed);
            persist();
        }
        return changed;
    }

    synchronized void addGrant(RefreshGrant grant, Instant now) {
        grantsByHash.values().removeIf(existing -> existing.expiredAt(now));
        grantsByHash.put(grant.tokenHash(), grant);
        persist();
    }

    synchronized Optional<RefreshGrant> grant(String tokenHash) {
        return Optional.ofNullable(grantsByHash.get(tokenHash));
    }

    synchronized void removeGrant(String tokenHash) {
        if (grantsByHash.remove(tokenHash) != null) {
            persist();
        }
    }

    private void load(byte[] content) {
        try {
            State state = json.readValue(content, State.class);
            state.users().forEach(user -> usersByKey.put(user.key(), user));
            state.refreshTokens().forEach(grant -> grantsByHash.put(grant.tokenHash(), grant));
        } catch (IOException e) {
            throw new UncheckedIOException(file.orElseThrow() + " is not a users file; delete it to start afresh", e);
        }
    }

    private void persist() {
        if (file.isEmpty()) {
            return;
        }
        State state = new State(FORMAT_VERSION, List.copyOf(usersByKey.values()), new ArrayList<>(grantsByHash.values()));
        try {
            StateFiles.writeAtomically(file.get(), json.writerWithDefaultPrettyPrinter().writeValueAsBytes(state));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise the users", e);
        }
    }
}
