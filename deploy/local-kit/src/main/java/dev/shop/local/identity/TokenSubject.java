package dev.shop.local.identity;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/** Whom a token is about: the parts of a user that go into its claims. */
record TokenSubject(String sub, String username, String email, Set<String> groups) {

    TokenSubject {
        // Sorted, so the claim lists groups in the same order every time.
        groups = Collections.unmodifiableSortedSet(new TreeSet<>(groups));
    }

    static TokenSubject of(UserRecord user) {
        return new TokenSubject(user.sub(), user.username(), user.email(), Set.copyOf(user.groups()));
    }
}
