package dev.shop.catalog.retry;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A short random pause before retrying a write that DynamoDB refused only
 * because a transaction held the same item. Random, so that the writers that
 * collided do not collide again in step.
 */
public final class Backoff {

    private Backoff() {
    }

    /** Sleeps up to about 10 ms times 2^attempt, never more than about 200 ms. */
    public static void pause(int attempt) {
        long bound = 10L + Math.min(200L, 10L << Math.min(attempt, 5));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, bound));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry", e);
        }
    }
}
