package dev.shop.common.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import dev.shop.common.logging.LogFields;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.function.aws.DefaultDiagnosticInfoPopulator;
import io.micronaut.function.aws.DiagnosticInfoPopulator;
import io.micronaut.function.aws.XRayUtils;
import jakarta.inject.Singleton;
import org.slf4j.MDC;

/**
 * Starts each invocation's log context: what the previous invocation on this
 * thread left in the MDC is cleared, then Lambda's request id and the X-Ray
 * trace id are set, under the names of {@link LogFields}. Micronaut's handlers
 * call this before the request is handled; the HTTP fields come after, from
 * the event ({@code dev.shop.common.web.RequestLogFilter}).
 *
 * <p>Replaces Micronaut's populator, which writes six fields under its own
 * names (function name, ARN, memory, remaining time: the same on every line,
 * and on Lambda's {@code platform.report} line already).
 */
@Singleton
@Replaces(DefaultDiagnosticInfoPopulator.class)
final class InvocationLogContext implements DiagnosticInfoPopulator {

    @Override
    public void populateMappingDiagnosticContextValues(Context lambdaContext) {
        MDC.clear();
        if (lambdaContext.getAwsRequestId() != null) {
            MDC.put(LogFields.REQUEST_ID, lambdaContext.getAwsRequestId());
        }
    }

    @Override
    public void populateMappingDiagnosticContextWithXrayTraceId() {
        XRayUtils.parseXrayTraceId().ifPresent(traceId -> MDC.put(LogFields.TRACE_ID, traceId));
    }
}
