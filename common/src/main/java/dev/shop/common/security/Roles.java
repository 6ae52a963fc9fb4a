package dev.shop.common.security;

/** Cognito groups the services authorize by. */
public final class Roles {

    /** Members of the Cognito group {@code admin} administer the shop. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
