package dev.shop.common.routes;

import java.nio.file.Path;

/** The three deployables behind the one HTTP API. */
public enum Service {
    CATALOG("catalog-service"),
    CART("cart-service"),
    ORDERS("orders-service");

    /**
     * The Lambda handler every service's package runs: Micronaut's payload 2.0
     * function (the handler is configuration, not code). The CDK stack and the
     * local stack both read it from here.
     */
    public static final String HANDLER = "io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction";

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
