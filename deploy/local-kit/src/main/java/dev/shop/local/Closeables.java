package dev.shop.local;

import java.util.List;

/** Stopping the local stack's parts: each one is closed even when another fails to. */
public final class Closeables {

    private Closeables() {
    }

    /** Closes every part in order, reporting (not throwing) a part that fails to stop. */
    public static void closeAll(List<? extends AutoCloseable> parts) {
        for (AutoCloseable part : parts) {
            try {
                part.close();
            } catch (Exception e) {
                System.err.println("Stopping " + part + " failed: " + e);
            }
        }
    }
}
