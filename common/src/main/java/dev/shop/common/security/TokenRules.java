package dev.shop.common.security;

import java.util.Arrays;
import java.util.List;

/**
 * The shop's rules for a Cognito token, in one place for both paths a request
 * takes (claims from API Gateway's authorizer, or a bearer token validated in
 * the function): only <em>access</em> tokens are accepted, since an ID token
 * is meant for the client, not for an API (CONTRACT.md, docs/security.md);
 * the user is a non-empty {@code sub}; groups come from {@code cognito:groups}.
 */
final class TokenRules {

    static final String TOKEN_USE = "token_use";
    static final String CLIENT_ID = "client_id";
    static final String GROUPS_CLAIM = "cognito:groups";

    private TokenRules() {
    }

    static boolean isAccessToken(Object tokenUse) {
        return "access".equals(tokenUse);
    }

    static boolean hasSubject(Object sub) {
        return sub instanceof String subject && !subject.isBlank();
    }

    /**
     * Groups as API Gateway writes a list claim: {@code [admin users]}, names
     * separated by spaces. Cognito group names hold no whitespace but may hold
     * commas or quotes, so spaces are the only separator: a group named
     * {@code users,admin} stays one group and grants nothing.
     */
    static List<String> parseGroups(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        String inner = value.strip();
        if (inner.startsWith("[") && inner.endsWith("]")) {
            inner = inner.substring(1, inner.length() - 1);
        }
        return Arrays.stream(inner.split("\\s+"))
            .filter(group -> !group.isEmpty())
            .toList();
    }
}
