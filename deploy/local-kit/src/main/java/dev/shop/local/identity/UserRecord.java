package dev.shop.local.identity;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A user of the pool as it is stored. {@code sub} is made once at sign-up and
 * never changes, since the services key carts, orders and profiles on it.
 */
record UserRecord(String username, String sub, String email, List<String> groups, String passwordHash) {

    UserRecord {
        groups = List.copyOf(new TreeSet<>(groups));
    }

    /** Usernames are matched case-insensitively, as in a Cognito pool created with the console's defaults. */
    static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    String key() {
        return key(username);
    }

    UserRecord withGroups(Set<String> newGroups) {
        return new UserRecord(username, sub, email, List.copyOf(newGroups), passwordHash);
    }

    UserRecord withGroup(String group) {
        Set<String> more = new TreeSet<>(groups);
        more.add(group);
        return withGroups(more);
    }

    UserRecord withoutGroup(String group) {
        Set<String> fewer = new TreeSet<>(groups);
        fewer.remove(group);
        return withGroups(fewer);
    }
}
