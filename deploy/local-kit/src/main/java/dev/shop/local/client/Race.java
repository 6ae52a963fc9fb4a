package dev.shop.local.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Runs requests at the same moment, for the concurrency guarantees' tests:
 * each task gets its own thread, every thread waits at one start gate, and
 * the gate opens only when all of them are waiting. Results come back in the
 * order of the tasks.
 */
public final class Race {

    private Race() {
    }

    public static <T> List<T> run(List<Callable<T>> tasks) {
        ExecutorService threads = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch ready = new CountDownLatch(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    start.await();
                    return task.call();
                }));
            }
            ready.await();
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (Exception e) {
            throw new IllegalStateException("A racer failed", e);
        } finally {
            threads.shutdownNow();
        }
    }

    /** {@code n} racers, the i-th running {@code task.apply(i)}. */
    public static <T> List<T> run(int n, IntFunction<T> task) {
        return run(IntStream.range(0, n).<Callable<T>>mapToObj(i -> () -> task.apply(i)).toList());
    }
}
