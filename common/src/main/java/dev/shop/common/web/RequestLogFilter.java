package dev.shop.common.web;

import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.shop.common.logging.LogFields;
import dev.shop.common.metrics.Metrics;
import dev.shop.common.metrics.RouteMetrics;
import dev.shop.common.metrics.ShopMetrics;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.servlet.http.ServletHttpRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Every request's correlation and its cost, first in and last out.
 *
 * <p>In: API Gateway's request id, the route and the caller's user id (the
 * authorizer's {@code sub} claim; nothing else of the token) go into the
 * MDC, so each line the request logs carries them ({@link LogFields}).
 *
 * <p>Out: one EMF line with the route's latency, plus the count a
 * successful route stands for ({@link RouteMetrics}); a 5xx is logged at
 * ERROR and a 4xx at INFO, with route and status, so a failing request has a
 * line of its own in the function's log. Successful requests log nothing:
 * the gateway's access log has a line for each.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class RequestLogFilter implements Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(RequestLogFilter.class);
    private static final String STARTED = RequestLogFilter.class.getName() + ".started";

    @RequestFilter
    void open(HttpRequest<?> request) {
        request.setAttribute(STARTED, System.nanoTime());
        if (request instanceof ServletHttpRequest<?, ?> servletRequest
            && servletRequest.getNativeRequest() instanceof APIGatewayV2HTTPEvent event) {
            put(LogFields.ROUTE, event.getRouteKey());
            var context = event.getRequestContext();
            if (context != null) {
                put(LogFields.API_REQUEST_ID, context.getRequestId());
                if (context.getAuthorizer() != null && context.getAuthorizer().getJwt() != null) {
                    Map<String, String> claims = context.getAuthorizer().getJwt().getClaims();
                    put(LogFields.USER_ID, claims == null ? null : claims.get("sub"));
                }
            }
        }
    }

    @ResponseFilter
    void close(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String route = MDC.get(LogFields.ROUTE);
        int status = response.code();
        Object started = request.getAttribute(STARTED).orElse(null);
        if (route != null && started instanceof Long start) {
            double millis = Math.round((System.nanoTime() - start) / 10_000.0) / 100.0;
            Metrics.emit(ShopMetrics.ROUTE, route, List.of(new Metrics.Value(ShopMetrics.LATENCY, Metrics.Unit.Milliseconds, millis)));
        }
        if (status >= 200 && status < 300) {
            RouteMetrics.onSuccess(route).ifPresent(Metrics::count);
        } else if (status >= 500) {
            LOG.error("{} {} answered {}", request.getMethod(), request.getPath(), status);
        } else if (status >= 400) {
            LOG.info("{} {} answered {}", request.getMethod(), request.getPath(), status);
        }
    }

    private static void put(String field, String value) {
        if (value != null && !value.isEmpty()) {
            MDC.put(field, value);
        }
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }
}
