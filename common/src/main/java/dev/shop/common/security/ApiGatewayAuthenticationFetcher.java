package dev.shop.common.security;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.order.Ordered;
import io.micronaut.function.aws.proxy.security.MicronautLambdaAuthenticationFetcher;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import io.micronaut.servlet.http.ServletHttpRequest;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * The user behind API Gateway's JWT authorizer. The authorizer has already
 * checked the token and hands its claims over in
 * {@code requestContext.authorizer.jwt.claims}, flattened to strings:
 * {@code cognito:groups} arrives as {@code "[admin users]"}.
 *
 * <p>Replaces Micronaut's fetcher, which builds that user without roles and
 * would also trust an {@code x-amzn-oidc-identity} header from any client.
 * Claims are read only from the authorizer context, which only API Gateway
 * writes. Without it (a public route, or a direct call) the bearer token is
 * validated by micronaut-security-jwt, which runs after this fetcher.
 */
@Singleton
@Replaces(MicronautLambdaAuthenticationFetcher.class)
final class ApiGatewayAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>>, Ordered {

    static final String GROUPS_CLAIM = "cognito:groups";

    @Override
    public int getOrder() {
        return -100;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        if (request instanceof ServletHttpRequest<?, ?> servletRequest
            && servletRequest.getNativeRequest() instanceof APIGatewayV2HTTPEvent event) {
            Map<String, String> claims = authorizerClaims(event);
            String subject = claims.get("sub");
            if (subject != null && !subject.isBlank()) {
                return Publishers.just(Authentication.build(subject, parseGroups(claims.get(GROUPS_CLAIM)),
                    new HashMap<>(claims)));
            }
        }
        return Publishers.empty();
    }

    private static Map<String, String> authorizerClaims(APIGatewayV2HTTPEvent event) {
        if (event.getRequestContext() == null
            || event.getRequestContext().getAuthorizer() == null
            || event.getRequestContext().getAuthorizer().getJwt() == null
            || event.getRequestContext().getAuthorizer().getJwt().getClaims() == null) {
            return Map.of();
        }
        return event.getRequestContext().getAuthorizer().getJwt().getClaims();
    }

    /**
     * API Gateway writes a list claim as {@code [a b c]}; a JSON array
     * ({@code ["a","b"]}) is accepted too.
     */
    static List<String> parseGroups(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        String inner = value.strip();
        if (inner.startsWith("[") && inner.endsWith("]")) {
            inner = inner.substring(1, inner.length() - 1);
        }
        return Arrays.stream(inner.split("[\\s,]+"))
            .map(group -> group.replace("\"", ""))
            .filter(group -> !group.isBlank())
            .toList();
    }
}
