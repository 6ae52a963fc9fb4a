package dev.shop.orders;

import java.time.Clock;

import dev.shop.orders.order.OrderIds;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The service's order id source, on the shared clock. */
@Factory
class Beans {

    @Singleton
    OrderIds orderIds(Clock clock) {
        return new OrderIds(clock);
    }
}
