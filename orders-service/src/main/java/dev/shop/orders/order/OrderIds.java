package dev.shop.orders.order;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * Makes order ids that sort by creation time: ULIDs (26 characters of
 * Crockford base32, a 48-bit millisecond timestamp then 80 random bits). The
 * id is the sort key of a user's orders and of the orders in a status, so
 * "newest first" is a descending Query. Ids made in the same millisecond by
 * one instance still increase: the random part is incremented.
 */
public final class OrderIds {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int RANDOM_BYTES = 10;

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private long lastMillis = -1;
    private final byte[] lastRandom = new byte[RANDOM_BYTES];

    public OrderIds(Clock clock) {
        this.clock = clock;
    }

    public synchronized String next() {
        long millis = clock.millis();
        if (millis > lastMillis) {
            lastMillis = millis;
            random.nextBytes(lastRandom);
        } else {
            millis = lastMillis;
            increment(lastRandom);
        }
        return encode(millis, lastRandom);
    }

    private static void increment(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            bytes[i]++;
            if (bytes[i] != 0) {
                return;
            }
        }
    }

    static String encode(long millis, byte[] randomPart) {
        char[] out = new char[26];
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (millis & 31)];
            millis >>>= 5;
        }
        // 80 random bits are exactly 16 base32 characters
        long high = 0;
        for (int i = 0; i < 5; i++) {
            high = (high << 8) | (randomPart[i] & 0xFF);
        }
        long low = 0;
        for (int i = 5; i < 10; i++) {
            low = (low << 8) | (randomPart[i] & 0xFF);
        }
        for (int i = 17; i >= 10; i--) {
            out[i] = ALPHABET[(int) (high & 31)];
            high >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            out[i] = ALPHABET[(int) (low & 31)];
            low >>>= 5;
        }
        return new String(out);
    }
}
