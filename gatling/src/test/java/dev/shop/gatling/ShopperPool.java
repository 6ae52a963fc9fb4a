package dev.shop.gatling;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The shoppers as a feeder that lends each user to one virtual user at a time: two journeys on one
 * cart would empty it under each other's feet (a checkout takes the whole cart), which is a test bug,
 * not a shop bug. A journey takes a shopper with {@code feed(pool)} and gives it back with
 * {@link #giveBack}. Running out is a sizing error and stops the run loudly.
 */
final class ShopperPool implements Iterator<Map<String, Object>> {

    static final String USERNAME = "username";

    private final Queue<String> free = new ConcurrentLinkedQueue<>();
    private volatile int size;

    void fill(List<String> usernames) {
        free.addAll(usernames);
        size = usernames.size();
    }

    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public Map<String, Object> next() {
        String username = free.poll();
        if (username == null) {
            throw new IllegalStateException("All " + size + " shoppers are mid-journey: the shop is saturated "
                + "or -Dshop.shoppers is too small for -Dshop.rate");
        }
        return Map.of(USERNAME, username);
    }

    void giveBack(String username) {
        free.add(username);
    }
}
