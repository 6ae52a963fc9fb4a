package dev.shop.common.security;

import io.micronaut.security.authentication.Authentication;

/**
 * Who is calling, as every service knows them: the token's {@code sub} and
 * whether they administer the shop. Controllers turn the request's
 * {@link Authentication} into a caller once; services and rules take the caller.
 */
public record Caller(String userId, boolean admin) {

    public static Caller of(Authentication authentication) {
        return new Caller(authentication.getName(), authentication.getRoles().contains(Roles.ADMIN));
    }

    /** An owner sees their own resources, an admin everyone's; anyone else is told nothing exists. */
    public boolean maySee(String ownerId) {
        return admin || userId.equals(ownerId);
    }
}
