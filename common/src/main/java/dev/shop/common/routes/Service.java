package dev.shop.common.routes;

/** The three deployables behind the one HTTP API. */
public enum Service {
    CATALOG("catalog-service"),
    CART("cart-service"),
    ORDERS("orders-service");

    private final String moduleName;

    Service(String moduleName) {
        this.moduleName = moduleName;
    }

    /** Maven module (and Lambda jar) name of the service. */
    public String moduleName() {
        return moduleName;
    }
}
