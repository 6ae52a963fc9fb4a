package dev.shop.gatling;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Feeders over data that exists only after {@code before()} has run: Gatling builds the scenarios
 * (and takes their feeders) when the simulation is constructed, so these read their values lazily.
 */
final class Feeds {

    private Feeds() {
    }

    /** An endless feeder of a value picked at random from the list {@code values} supplies. */
    static Iterator<Map<String, Object>> random(String key, Supplier<List<String>> values) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                List<String> current = values.get();
                return Map.of(key, current.get(ThreadLocalRandom.current().nextInt(current.size())));
            }
        };
    }

    /** Two different values picked at random, under {@code firstKey} and {@code secondKey}. */
    static Iterator<Map<String, Object>> randomPair(String firstKey, String secondKey, Supplier<List<String>> values) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                List<String> current = values.get();
                ThreadLocalRandom random = ThreadLocalRandom.current();
                int first = random.nextInt(current.size());
                int second = (first + 1 + random.nextInt(current.size() - 1)) % current.size();
                return Map.of(firstKey, current.get(first), secondKey, current.get(second));
            }
        };
    }
}
