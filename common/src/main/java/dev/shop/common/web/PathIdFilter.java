package dev.shop.common.web;

import java.util.Map;
import java.util.Optional;

import dev.shop.common.routes.PathIds;
import dev.shop.common.routes.Route;
import dev.shop.common.routes.Routes;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * The one check of path ids, for every route of every service: the request is
 * matched against the shared route table ({@link Routes}) and each path
 * parameter against its id format ({@link PathIds}). A malformed id is a 404,
 * as an unknown one is, and no controller or repository runs. It runs after
 * the security filter, so an anonymous caller still gets 401 first.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class PathIdFilter implements Ordered {

    @RequestFilter
    @Nullable
    HttpResponse<?> refuseMalformedIds(HttpRequest<?> request) {
        return Routes.resolve(request.getMethodName(), request.getPath())
            .flatMap(match -> match.pathParameters().entrySet().stream()
                .flatMap(parameter -> malformed(match.route(), parameter).stream())
                .findFirst())
            .orElse(null);
    }

    private static Optional<HttpResponse<?>> malformed(Route route, Map.Entry<String, String> parameter) {
        return PathIds.of(route, parameter.getKey())
            .filter(kind -> !kind.isWellFormed(parameter.getValue()))
            .map(kind -> Problem.of(HttpStatus.NOT_FOUND,
                "No " + kind.noun() + ": " + parameter.getKey() + " is not an id this shop issues").toResponse());
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
