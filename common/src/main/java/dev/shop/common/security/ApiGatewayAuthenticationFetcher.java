package dev.shop.common.security;

import java.util.HashMap;
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
 * writes. API Gateway's authorizer does not look at {@code token_use}, so an
 * ID token passes it: the claims are used only if they are an access
 * token's with a subject ({@link TokenRules}). Otherwise, and without an
 * authorizer context (a public route, or a direct call), the bearer token is
 * validated by micronaut-security-jwt, which runs after this fetcher, with
 * {@link CognitoClaimsValidator}.
 */
@Singleton
@Replaces(MicronautLambdaAuthenticationFetcher.class)
final class ApiGatewayAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>>, Ordered {

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
            if (TokenRules.isAccessToken(claims.get(TokenRules.TOKEN_USE)) && TokenRules.hasSubject(subject)) {
                return Publishers.just(Authentication.build(subject,
                    TokenRules.parseGroups(claims.get(TokenRules.GROUPS_CLAIM)), new HashMap<>(claims)));
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
}
