package dev.shop.common.routes;

import java.nio.file.Path;

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

    /** The service's Lambda zip in {@code directory}, where the build copies each as {@code <module>.zip}. */
    public Path lambdaPackage(Path directory) {
        return directory.resolve(moduleName + ".zip");
    }
}
