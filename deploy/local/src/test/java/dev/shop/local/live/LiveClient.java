package dev.shop.local.live;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.common.live.LiveApi;

/**
 * A WebSocket client as the storefront is one: it offers the shop's
 * subprotocol with the access token beside it, and collects every message.
 */
final class LiveClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final WebSocket socket;
    private final LinkedBlockingQueue<TimedMessage> messages;

    private LiveClient(WebSocket socket, LinkedBlockingQueue<TimedMessage> messages) {
        this.socket = socket;
        this.messages = messages;
    }

    /** A message and when it arrived. */
    record TimedMessage(JsonNode json, Instant receivedAt) {
    }

    static LiveClient connect(String url, String accessToken) {
        return connect(url, LiveApi.SUBPROTOCOL, accessToken);
    }

    /** Connects offering exactly these subprotocol entries; fails when the handshake is refused. */
    static LiveClient connect(String url, String mostPreferred, String... others) {
        LinkedBlockingQueue<TimedMessage> messages = new LinkedBlockingQueue<>();
        WebSocket socket = HTTP.newWebSocketBuilder()
            .subprotocols(mostPreferred, others)
            .connectTimeout(Duration.ofSeconds(10))
            .buildAsync(URI.create(url), new Collector(messages))
            .join();
        return new LiveClient(socket, messages);
    }

    /** The next message, or empty when none arrives within {@code wait}. */
    Optional<TimedMessage> next(Duration wait) {
        try {
            return Optional.ofNullable(messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The first message matching {@code wanted} within {@code wait}, skipping others (an admin sees every order). */
    Optional<TimedMessage> first(Predicate<JsonNode> wanted, Duration wait) {
        Instant deadline = Instant.now().plus(wait);
        while (Instant.now().isBefore(deadline)) {
            Optional<TimedMessage> message = next(Duration.between(Instant.now(), deadline));
            if (message.isPresent() && wanted.test(message.get().json())) {
                return message;
            }
        }
        return Optional.empty();
    }

    String subprotocol() {
        return socket.getSubprotocol();
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }

    /** Collects whole messages: the client may hand a frame's text over in parts. */
    private static final class Collector implements WebSocket.Listener {

        private final LinkedBlockingQueue<TimedMessage> messages;
        private final StringBuilder partial = new StringBuilder();

        Collector(LinkedBlockingQueue<TimedMessage> messages) {
            this.messages = messages;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    messages.add(new TimedMessage(JSON.readTree(text), Instant.now()));
                } catch (IOException e) {
                    throw new IllegalStateException("Not JSON: " + text, e);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            System.err.println("Live client failed: " + error);
        }
    }
}
