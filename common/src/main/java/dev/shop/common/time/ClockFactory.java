package dev.shop.common.time;

import java.time.Clock;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * The one clock every service reads time from (UTC). Code asks for a
 * {@link Clock} instead of calling {@code Instant.now()}, so a test can pin
 * time by handing a fixed clock to the class under test or by replacing this
 * bean.
 */
@Factory
class ClockFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
