package dev.shop.common.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The one format of every timestamp the shop stores or returns: ISO-8601 UTC
 * with exactly three fractional digits ({@code 2026-03-01T10:00:00.000Z}).
 * Fixed width matters: the carts index sorts on these strings, and strings of
 * one width compare in time order ({@link Instant#toString()} drops
 * {@code .000} on a whole second, which would sort {@code :00Z} after
 * {@code :00.001Z}).
 */
public final class Timestamps {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
        .withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    /** The clock's current time, formatted. */
    public static String now(Clock clock) {
        return format(clock.instant());
    }
}
