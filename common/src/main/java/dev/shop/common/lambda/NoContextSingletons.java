package dev.shop.common.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.function.aws.DefaultLambdaContextFactory;
import io.micronaut.function.aws.LambdaContextFactory;
import jakarta.inject.Singleton;

/**
 * Keeps the Lambda {@link Context} of each invocation out of the bean context.
 *
 * <p>Micronaut's default registers the invocation's Context, logger, client
 * context and identity as singletons on every request, and every
 * registration purges the bean-resolution caches. Profiled under load
 * (docs/performance.md, measurement 1), that was a third of the CPU of a
 * product read, on Lambda as much as locally. No bean of the shop injects the
 * Lambda Context: the user comes from the authorizer's claims and logging
 * goes through SLF4J, so the registration buys nothing.
 */
@Singleton
@Replaces(DefaultLambdaContextFactory.class)
final class NoContextSingletons implements LambdaContextFactory {

    @Override
    public void registerSingletons(Context lambdaContext) {
        // deliberately nothing: see the class comment
    }
}
