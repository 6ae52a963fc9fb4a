package dev.shop.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.shop.local.client.RawHttp;
import org.junit.jupiter.api.Test;

/** What the local stack's HTTP server does on its own, whatever handler runs behind it. */
class StrictHttpServerTest {

    @Test
    void aHandlerThatFailsAfterStartingItsAnswerStillYieldsAProblemNotAnEmpty500() throws Exception {
        HttpServer server = LoopbackHttpServers.create("127.0.0.1", 0, 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write("half".getBytes());
            throw new IllegalStateException("boom");
        });
        server.start();
        try {
            RawHttp.Answer answer = RawHttp.send("http://127.0.0.1:" + server.getAddress().getPort(),
                "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");

            assertThat(answer.status()).isEqualTo(500);
            assertThat(answer.headers().get("content-type")).isEqualTo("application/problem+json");
            assertThat(answer.body()).contains("\"status\":500").doesNotContain("half", "boom", "Exception");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void listensOnLoopbackOnly() {
        assertThatThrownBy(() -> LoopbackHttpServers.create("0.0.0.0", 0, 0))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
