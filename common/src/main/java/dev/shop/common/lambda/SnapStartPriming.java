package dev.shop.common.lambda;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import dev.shop.common.routes.Access;
import dev.shop.common.routes.Route;
import dev.shop.common.routes.Routes;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventHandler;
import io.micronaut.http.HttpMethod;
import io.micronaut.web.router.Router;
import jakarta.annotation.PostConstruct;

/**
 * SnapStart priming. Lambda snapshots a function once, at publish time, and
 * every cold start resumes from that snapshot; what ran before it is warm in
 * it. So before the checkpoint this resource drives one read-only request
 * through the service's own HTTP pipeline (routing, filters, security,
 * serialization and, for the catalog, the DynamoDB client), instead of leaving
 * that class loading and JIT work to the first customer.
 *
 * <p>The request is the first parameterless {@code GET} of the route table
 * that this service serves, public routes first: {@code GET /catalog/categories}
 * for the catalog (a DynamoDB query), {@code GET /cart} and {@code GET /orders}
 * for the others, which answer 401 without a token, after the pipeline ran.
 *
 * <p>Active only inside a Lambda SnapStart initialization (Lambda sets
 * {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}), never in tests or the
 * local stack. The CRaC context holds resources weakly; as a context-scoped
 * singleton this bean lives as long as the application.
 */
@Context
@Requires(property = SnapStartPriming.INITIALIZATION_TYPE_PROPERTY, value = SnapStartPriming.SNAP_START)
final class SnapStartPriming implements Resource {

    /** {@code AWS_LAMBDA_INITIALIZATION_TYPE}, as Micronaut resolves environment variables. */
    static final String INITIALIZATION_TYPE_PROPERTY = "aws.lambda.initialization.type";
    static final String SNAP_START = "snap-start";

    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);

    private final ApplicationContext applicationContext;
    private final Router router;

    SnapStartPriming(ApplicationContext applicationContext, Router router) {
        this.applicationContext = applicationContext;
        this.router = router;
    }

    @PostConstruct
    void register() {
        Core.getGlobalContext().register(this);
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        Optional<Route> route = primingRoute();
        if (route.isEmpty()) {
            LOG.warn("SnapStart priming skipped: this service serves no parameterless GET route");
            return;
        }
        try {
            APIGatewayV2HTTPResponse response = new APIGatewayV2HTTPEventHandler(applicationContext)
                .exchange(event(route.get()), new APIGatewayV2HTTPResponse())
                .getResponse()
                .getNativeResponse();
            LOG.info("SnapStart priming: {} answered {}", route.get().routeKey(), response.getStatusCode());
        } catch (RuntimeException e) {
            // Priming only saves time; a failure must not cost the snapshot.
            LOG.warn("SnapStart priming of {} failed", route.get().routeKey(), e);
        }
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to restore: the SDK's HTTP client reopens connections on first use.
    }

    private Optional<Route> primingRoute() {
        return Routes.ALL.stream()
            .filter(route -> route.method().equals("GET") && !route.path().contains("{"))
            .filter(this::served)
            .min(Comparator.comparing((Route route) -> route.access() != Access.PUBLIC));
    }

    private boolean served(Route route) {
        return router.uriRoutes().anyMatch(info ->
            info.getHttpMethod() == HttpMethod.GET && info.match(route.path()).isPresent());
    }

    private static APIGatewayV2HTTPEvent event(Route route) {
        return APIGatewayV2HTTPEvent.builder()
            .withVersion("2.0")
            .withRouteKey(route.routeKey())
            .withRawPath(route.path())
            .withRawQueryString("")
            .withHeaders(Map.of("accept", "application/json", "user-agent", "snapstart-priming"))
            .withIsBase64Encoded(false)
            .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRequestId("snapstart-priming")
                .withRouteKey(route.routeKey())
                .withStage("$default")
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                    .withMethod(route.method())
                    .withPath(route.path())
                    .withProtocol("HTTP/1.1")
                    .withSourceIp("127.0.0.1")
                    .withUserAgent("snapstart-priming")
                    .build())
                .build())
            .build();
    }
}
