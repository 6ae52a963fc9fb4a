package dev.shop.gatling;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Access tokens for the run's users, made in set-up and kept fresh by a background thread, so a
 * virtual user only reads a map and the identity endpoint never shows up in the measured latencies
 * (nor competes for the event loop Gatling measures with).
 */
final class TokenStore implements AutoCloseable {

    /** A token is replaced once it has less than this left: ample for any request in flight. */
    private static final Duration REFRESH_MARGIN = Duration.ofMinutes(10);

    private final Cognito cognito;
    private final Map<String, Cognito.Tokens> tokens = new ConcurrentHashMap<>();
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "token-refresher");
        thread.setDaemon(true);
        return thread;
    });

    TokenStore(Cognito cognito) {
        this.cognito = cognito;
        refresher.scheduleWithFixedDelay(this::refreshExpiring, 30, 30, TimeUnit.SECONDS);
    }

    String login(String username, String password) {
        Cognito.Tokens fresh = cognito.login(username, password);
        tokens.put(username, fresh);
        return fresh.accessToken();
    }

    String accessToken(String username) {
        Cognito.Tokens current = tokens.get(username);
        if (current == null) {
            throw new IllegalStateException(username + " was not signed in during set-up");
        }
        return current.accessToken();
    }

    private void refreshExpiring() {
        Instant threshold = Instant.now().plus(REFRESH_MARGIN);
        tokens.forEach((username, current) -> {
            if (current.expiresAt().isBefore(threshold)) {
                try {
                    tokens.put(username, cognito.refresh(current));
                } catch (RuntimeException e) {
                    // the old token is still valid for a while; the next round tries again
                    System.err.println("Refreshing the token of " + username + " failed: " + e.getMessage());
                }
            }
        });
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
