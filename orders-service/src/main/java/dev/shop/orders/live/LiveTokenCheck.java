package dev.shop.orders.live;

import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.shop.common.security.Caller;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * The WebSocket authorizer's decision, made by the same code that checks a
 * bearer token in every service: micronaut-security-jwt's validators with the
 * pool's JWKS (signature, expiry) and the shop's {@code CognitoClaimsValidator}
 * (exact issuer, app client). On top of that only access tokens are accepted
 * ({@code token_use=access}): an ID token is for the client, not for APIs.
 */
@Singleton
class LiveTokenCheck {

    private static final long TIMEOUT_SECONDS = 5;

    private final Collection<TokenValidator<HttpRequest<?>>> validators;

    LiveTokenCheck(Collection<TokenValidator<HttpRequest<?>>> validators) {
        this.validators = validators;
    }

    /** The connecting user, or empty when the token must be refused. */
    Optional<Caller> check(String accessToken) {
        for (TokenValidator<HttpRequest<?>> validator : validators) {
            Optional<Authentication> authentication = first(validator.validateToken(accessToken, null));
            if (authentication.isPresent()) {
                Authentication user = authentication.get();
                if (!"access".equals(user.getAttributes().get("token_use"))) {
                    return Optional.empty();
                }
                return Optional.of(Caller.of(user));
            }
        }
        return Optional.empty();
    }

    /** The publisher's first item, or empty when it completes empty, fails or takes too long. */
    private static <T> Optional<T> first(Publisher<T> publisher) {
        CompletableFuture<Optional<T>> result = new CompletableFuture<>();
        publisher.subscribe(new Subscriber<T>() {
            @Override
            public void onSubscribe(Subscription subscription) {
                subscription.request(1);
            }

            @Override
            public void onNext(T item) {
                result.complete(Optional.of(item));
            }

            @Override
            public void onError(Throwable failure) {
                result.complete(Optional.empty());
            }

            @Override
            public void onComplete() {
                result.complete(Optional.empty());
            }
        });
        try {
            return result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        }
    }
}
