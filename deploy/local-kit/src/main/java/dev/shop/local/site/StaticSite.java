package dev.shop.local.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.shop.local.LoopbackHttpServers;

/**
 * Serves the class path's {@code site/**} resources (the storefront, and any
 * module's pages under {@code site/}, such as {@code site/api-docs/}) on their
 * own loopback port, as S3 behind CloudFront serves the same files on AWS,
 * plus {@code /config.json}: the storefront's settings, generated from the
 * running stack with the field names of {@code .local/stack.json}.
 */
public final class StaticSite implements AutoCloseable {

    /** The class-path folder served at the root. */
    public static final String ROOT = "site/";
    private static final Map<String, String> TYPES = Map.ofEntries(
        Map.entry("html", "text/html; charset=utf-8"),
        Map.entry("js", "text/javascript; charset=utf-8"),
        Map.entry("mjs", "text/javascript; charset=utf-8"),
        Map.entry("css", "text/css; charset=utf-8"),
        Map.entry("json", "application/json"),
        Map.entry("yaml", "application/yaml"),
        Map.entry("yml", "application/yaml"),
        Map.entry("svg", "image/svg+xml"),
        Map.entry("png", "image/png"),
        Map.entry("ico", "image/x-icon"),
        Map.entry("map", "application/json"),
        Map.entry("txt", "text/plain; charset=utf-8"));

    private final HttpServer server;
    private final ClassLoader resources;
    private volatile byte[] config = "{}".getBytes(StandardCharsets.UTF_8);

    private StaticSite(HttpServer server, ClassLoader resources) {
        this.server = server;
        this.resources = resources;
    }

    /** Starts serving on {@code port} (0 for any free one), loopback only. */
    public static StaticSite start(int port, ClassLoader resources) {
        try {
            HttpServer server = LoopbackHttpServers.create("127.0.0.1", port, 64);
            // The loopback server runs each connection's handler on that connection's own thread.
            StaticSite site = new StaticSite(server, resources);
            server.createContext("/", site::handle);
            server.start();
            return site;
        } catch (IOException e) {
            throw new IllegalStateException("The storefront cannot listen on port " + port, e);
        }
    }

    /** The storefront's address; its origin is the one the API's CORS configuration allows. */
    public String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** Both spellings of the loopback origin a browser may use for this site. */
    public List<String> origins() {
        int port = server.getAddress().getPort();
        return List.of("http://localhost:" + port, "http://127.0.0.1:" + port);
    }

    /** Sets what {@code /config.json} answers. */
    public void publishConfig(String json) {
        this.config = json.getBytes(StandardCharsets.UTF_8);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", "Method Not Allowed".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/config.json")) {
                send(exchange, 200, TYPES.get("json"), config);
                return;
            }
            if (path.endsWith("/")) {
                path += "index.html";
            }
            URL resource = safe(path) ? resources.getResource(ROOT + path.substring(1)) : null;
            if (resource == null || resource.getPath().endsWith("/")) {
                send(exchange, 404, "text/plain; charset=utf-8", ("Not found: " + path).getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] body;
            try (InputStream in = resource.openStream()) {
                body = in.readAllBytes();
            }
            send(exchange, 200, TYPES.getOrDefault(extension(path), "application/octet-stream"), body);
        }
    }

    /** Only plain relative names below the root: no "..", no empty or dot segments, no backslashes. */
    private static boolean safe(String path) {
        if (!path.startsWith("/") || path.contains("\\") || path.contains("//")) {
            return false;
        }
        for (String segment : path.substring(1).split("/")) {
            if (segment.isEmpty() || segment.startsWith(".")) {
                return false;
            }
        }
        return true;
    }

    private static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("content-type", type);
        // A page reload picks up edited files at once; images may be kept a while.
        exchange.getResponseHeaders().set("cache-control", type.startsWith("image/") ? "public, max-age=3600" : "no-cache");
        exchange.getResponseHeaders().set("x-content-type-options", "nosniff");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
