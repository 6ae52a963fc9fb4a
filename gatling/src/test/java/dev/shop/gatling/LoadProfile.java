package dev.shop.gatling;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;

import java.time.Duration;
import java.util.List;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.OpenInjectionStep;

/**
 * The open load model of a run, from system properties with smoke-run defaults: virtual users
 * <em>arrive</em> at {@code shop.rate} per second whatever the response times (a closed model would
 * slow its own arrivals when the shop slows down and hide the queueing it is meant to show).
 *
 * <ul>
 *   <li>{@code shop.warmup} seconds ramping from 1/s up to the rate: JIT compilation, connection
 *       pools and the functions' first invocations, reported under the group {@value ShopSimulation#WARM_UP}
 *       and never asserted on;</li>
 *   <li>{@code shop.duration} seconds at the constant rate, every request under the group
 *       {@value ShopSimulation#MEASURED}, the one the assertions read;</li>
 *   <li>{@code shop.p95} and {@code shop.p99}: bounds in milliseconds on the measured requests.</li>
 * </ul>
 */
record LoadProfile(double rate, Duration warmUp, Duration duration, int p95Millis, int p99Millis) {

    /** Smoke bounds are generous on purpose: they catch a broken mix, not a slow machine. */
    static final int SMOKE_P95_MILLIS = 1500;
    static final int SMOKE_P99_MILLIS = 3000;

    static LoadProfile fromSystemProperties(double smokeRate) {
        return new LoadProfile(
            Double.parseDouble(System.getProperty("shop.rate", Double.toString(smokeRate))),
            Duration.ofSeconds(Long.getLong("shop.warmup", 5)),
            Duration.ofSeconds(Long.getLong("shop.duration", 5)),
            Integer.getInteger("shop.p95", SMOKE_P95_MILLIS),
            Integer.getInteger("shop.p99", SMOKE_P99_MILLIS));
    }

    OpenInjectionStep warmUpInjection() {
        return rampUsersPerSec(Math.min(1.0, rate)).to(rate).during(warmUp);
    }

    OpenInjectionStep measuredInjection() {
        return constantUsersPerSec(rate).during(duration);
    }

    /** Upper bound of the virtual users both phases start, for sizing set-up data. */
    int maxArrivals() {
        return (int) Math.ceil(rate * (warmUp.toSeconds() + duration.toSeconds())) + 1;
    }

    /**
     * Every measured request runs in its own execution of the {@value ShopSimulation#MEASURED}
     * group, so the group's statistics are exactly the distribution over all measured requests.
     * Failures count everywhere, warm-up included: an error is an error.
     */
    List<Assertion> assertions() {
        return List.of(
            details(ShopSimulation.MEASURED).responseTime().percentile(95.0).lte(p95Millis),
            details(ShopSimulation.MEASURED).responseTime().percentile(99.0).lte(p99Millis),
            details(ShopSimulation.MEASURED).successfulRequests().count().gt(0L),
            global().failedRequests().count().is(0L));
    }

    Duration maxDuration() {
        return warmUp.plus(duration).plusSeconds(120);
    }

    @Override
    public String toString() {
        return "%.1f users/s, warm-up %ds, measured %ds, p95 <= %d ms, p99 <= %d ms"
            .formatted(rate, warmUp.toSeconds(), duration.toSeconds(), p95Millis, p99Millis);
    }
}
