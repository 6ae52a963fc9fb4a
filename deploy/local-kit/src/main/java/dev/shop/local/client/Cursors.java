package dev.shop.local.client;

/**
 * Cursors as a client might spoil them, for the tests that prove a cursor the
 * server did not issue is refused.
 */
public final class Cursors {

    private Cursors() {
    }

    /**
     * The cursor with its middle character changed. Not the last characters: in
     * unpadded base64 the last character may carry bits the decoder drops, so
     * changing it can leave the sealed bytes as they were and the cursor valid.
     */
    public static String tampered(String cursor) {
        int middle = cursor.length() / 2;
        char replacement = cursor.charAt(middle) == 'A' ? 'B' : 'A';
        return cursor.substring(0, middle) + replacement + cursor.substring(middle + 1);
    }
}
