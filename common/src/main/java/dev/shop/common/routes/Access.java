package dev.shop.common.routes;

/**
 * Who may call a route. The gateway enforces only the token (PUBLIC routes have
 * no authorizer, the others need a valid JWT); the service enforces the group,
 * so a shopper calling an ADMIN route passes the gateway and gets 403.
 */
public enum Access {
    PUBLIC, USER, ADMIN;

    /** Whether the gateway's JWT authorizer guards the route. */
    public boolean needsToken() {
        return this != PUBLIC;
    }
}
