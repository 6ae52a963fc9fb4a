package dev.shop.orders;

import java.time.Clock;

import dev.shop.orders.order.OrderIds;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The service's clock (UTC, so every timestamp is ISO-8601 UTC) and its order id source. */
@Factory
class Beans {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    OrderIds orderIds(Clock clock) {
        return new OrderIds(clock);
    }
}
