package dev.shop.common.retry;

import java.util.concurrent.ThreadLocalRandom;

import dev.shop.common.metrics.Metrics;
import dev.shop.common.metrics.ShopMetrics;

/**
 * The one pause before retrying a write that lost a race (a transaction held
 * the item, or another writer changed it between our read and our write):
 * exponential with full jitter. The ceiling doubles from 10 ms per attempt up
 * to 250 ms; the pause is random below it, so writers that collided spread out
 * instead of colliding again in step. Every service's retry loop uses it, so
 * every lost race is counted here, once, as {@link ShopMetrics#TRANSACTION_CONFLICTS}.
 */
public final class Backoff {

    static final long FIRST_CEILING_MILLIS = 10;
    static final long MAX_CEILING_MILLIS = 250;

    private Backoff() {
    }

    /** The longest pause before retry number {@code attempt} (0 for the first retry). */
    static long ceilingMillis(int attempt) {
        return Math.min(MAX_CEILING_MILLIS, FIRST_CEILING_MILLIS << Math.min(Math.max(attempt, 0), 5));
    }

    /** Sleeps between 1 ms and {@link #ceilingMillis(int)}. */
    public static void pause(int attempt) {
        Metrics.count(ShopMetrics.TRANSACTION_CONFLICTS);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, ceilingMillis(attempt) + 1));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry", interrupted);
        }
    }
}
