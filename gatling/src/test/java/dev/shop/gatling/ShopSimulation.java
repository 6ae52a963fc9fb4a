package dev.shop.gatling;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.http.HttpDsl.http;

import java.util.function.Function;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * What every Shop simulation shares: the target (started in {@code before()} when it is the
 * in-process stack, closed in {@code after()}), the load profile, the protocol, and the two
 * phases. Set-up data is made in {@link #prepare()}, before the first virtual user arrives, so
 * nothing of it is measured.
 */
public abstract class ShopSimulation extends Simulation {

    static final String WARM_UP = "warm-up";
    static final String MEASURED = "measured";

    /** Tells set-up data of one run from another's on a shared (deployed) stack. */
    protected static final String RUN_ID = Long.toString(System.currentTimeMillis(), 36);

    protected final Target target = Target.fromSystemProperties();
    protected final LoadProfile load;
    protected final HttpProtocolBuilder protocol;

    protected ShopSimulation(double smokeRate) {
        this.load = LoadProfile.fromSystemProperties(smokeRate);
        this.protocol = http.baseUrl(target.apiUrl())
            .acceptHeader("application/json")
            .userAgentHeader("shop-gatling")
            // one pool for all virtual users: the shop's latency is measured, not a TCP handshake per arrival
            .shareConnections();
    }

    /** A request as one execution of its phase's group: see {@link LoadProfile#assertions()}. */
    static ChainBuilder timed(String phase, HttpRequestActionBuilder request) {
        return group(phase).on(exec(request));
    }

    /** Runs the warm-up scenario, then the measured one, with the profile's assertions. */
    protected void run(String name, Function<String, ScenarioBuilder> scenario) {
        ScenarioBuilder warmUp = scenario.apply(WARM_UP);
        ScenarioBuilder measured = scenario.apply(MEASURED);
        setUp(warmUp.injectOpen(load.warmUpInjection())
                .andThen(measured.injectOpen(load.measuredInjection())))
            .protocols(protocol)
            .assertions(load.assertions())
            .maxDuration(load.maxDuration());
        System.out.println(name + ": " + load + " against " + target.describe());
    }

    /** The data the mix needs (users, tokens, products, orders), made before the first arrival. */
    protected abstract void prepare();

    /** Releases what {@link #prepare()} holds besides the stack. */
    protected void release() {
    }

    @Override
    public void before() {
        target.start();
        prepare();
    }

    @Override
    public void after() {
        try {
            release();
        } finally {
            target.close();
        }
    }
}
