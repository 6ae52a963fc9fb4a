package dev.shop.local;

import java.io.IOException;
import java.net.InetSocketAddress;

import com.sun.net.httpserver.HttpServer;

/**
 * Creates the JDK HTTP servers of the local stack (gateway, identity
 * endpoint) with Nagle's algorithm off. The JDK server leaves it on by
 * default, and with the client's delayed ACK a small response then waits
 * ~40 ms: a product read measured 61.5 ms p50 through the gateway with it on
 * and 10.4 ms with it off (docs/performance.md). The setting is read once,
 * when the first server of the JVM is created, so every server goes through
 * here.
 */
public final class LoopbackHttpServers {

    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    private LoopbackHttpServers() {
    }

    public static HttpServer create(String bindAddress, int port, int backlog) throws IOException {
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
        return HttpServer.create(new InetSocketAddress(bindAddress, port), backlog);
    }
}
