package dev.shop.local;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpPrincipal;
import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP/1.1 server for the local stack that reads requests as strictly as
 * RFC 9112 asks and answers every malformed one with a 4xx problem+json, so
 * the handlers behind it only ever see well-formed requests.
 *
 * <p>The JDK's own server answered a malformed request target with an HTML
 * page naming {@code URISyntaxException}, passed control characters in header
 * values on to the handlers (a 500 further down), and let a handler discover
 * a body's size only by reading it. Here, before any handler runs:
 * <ul>
 *   <li>the request line is {@code METHOD SP /origin-form SP HTTP/1.x}; the
 *       target holds printable ASCII only, every {@code %} starts a
 *       {@code %HH} triplet, and the decoded path and query are UTF-8;</li>
 *   <li>header names are tokens, values hold no control characters
 *       (RFC 9110 5.5), there is one {@code Host};</li>
 *   <li>the body is framed by {@code Content-Length} or
 *       {@code Transfer-Encoding: chunked} (never both) and read whole; more
 *       than the server's limit is 413, counted on what arrives.</li>
 * </ul>
 * It implements the {@code com.sun.net.httpserver} API, so handlers are
 * plain {@link HttpHandler}s. Each connection is served on its own thread
 * (keep-alive, Nagle off: see {@link LoopbackHttpServers}); handlers run on
 * that thread.
 */
final class StrictHttpServer extends HttpServer {

    /** API Gateway HTTP APIs allow 10,240 bytes of request line and header values together (its quotas page). */
    private static final int MAX_REQUEST_LINE = 10_240;
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final int IDLE_TIMEOUT_MILLIS = 30_000;
    private static final System.Logger LOG = System.getLogger(StrictHttpServer.class.getName());

    private final ServerSocket socket;
    private final long maxBodyBytes;
    private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "loopback-http");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final List<Context> contexts = new ArrayList<>();
    private volatile Executor executor;
    private volatile boolean stopped;

    StrictHttpServer(InetSocketAddress address, int backlog, long maxBodyBytes) throws IOException {
        this.socket = new ServerSocket();
        this.socket.setReuseAddress(true);
        this.socket.bind(address, backlog);
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void bind(InetSocketAddress address, int backlog) {
        throw new UnsupportedOperationException("the server is bound when created");
    }

    @Override
    public void start() {
        Thread acceptor = new Thread(this::accept, "loopback-http-accept-" + socket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept() {
        while (!stopped) {
            try {
                Socket connection = socket.accept();
                connection.setTcpNoDelay(true);
                connection.setSoTimeout(IDLE_TIMEOUT_MILLIS);
                open.add(connection);
                connections.execute(() -> serve(connection));
            } catch (IOException e) {
                if (!stopped) {
                    LOG.log(System.Logger.Level.WARNING, "accept failed: " + e);
                }
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            InputStream in = new BufferedInputStream(connection.getInputStream());
            OutputStream out = new BufferedOutputStream(connection.getOutputStream());
            boolean keepAlive = true;
            while (keepAlive && !stopped) {
                Request request;
                try {
                    request = Request.read(in, maxBodyBytes, out);
                } catch (SocketTimeoutException | SocketException idleOrGone) {
                    return;
                } catch (Refusal refusal) {
                    writeProblem(out, refusal.status, refusal.title, refusal.getMessage());
                    drain(connection, in);
                    return;
                }
                if (request == null) {
                    return;
                }
                Exchange exchange = new Exchange(this, connection, request, out);
                dispatch(exchange);
                exchange.finish();
                keepAlive = exchange.keepAlive();
            }
        } catch (IOException gone) {
            // the client went away; nothing to answer
        } finally {
            open.remove(connection);
        }
    }

    /**
     * After a refusal the client may still be sending (a body over the limit):
     * read what it sends for a moment, so that closing does not reset the
     * connection before it has read the answer.
     */
    private static void drain(Socket connection, InputStream in) {
        try {
            connection.shutdownOutput();
            connection.setSoTimeout(1_000);
            byte[] sink = new byte[64 * 1024];
            long left = 32L * 1024 * 1024;
            int read;
            while (left > 0 && (read = in.read(sink)) > 0) {
                left -= read;
            }
        } catch (IOException ignored) {
            // the client stopped sending or went away: done either way
        }
    }

    private void dispatch(Exchange exchange) throws IOException {
        Context context = contextFor(exchange.getRequestURI().getPath());
        if (context == null) {
            exchange.problem(404, "Not Found", "Nothing is served here");
            return;
        }
        exchange.context = context;
        try {
            context.handler.handle(exchange);
        } catch (RuntimeException | IOException failure) {
            LOG.log(System.Logger.Level.ERROR, "handler failed", failure);
            // nothing is on the wire until finish(): whatever the handler began, a problem replaces it
            exchange.replaceWithProblem(500, "Internal Server Error", "The request could not be served");
        }
    }

    private synchronized Context contextFor(String path) {
        Context best = null;
        for (Context context : contexts) {
            if (path.startsWith(context.path) && (best == null || context.path.length() > best.path.length())) {
                best = context;
            }
        }
        return best;
    }

    static void writeProblem(OutputStream out, int status, String title, String detail) throws IOException {
        String body = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
            + ",\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + title + "\r\n"
            + "Content-Type: application/problem+json\r\n"
            + "Content-Length: " + bytes.length + "\r\n"
            + "Connection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.flush();
    }

    @Override
    public void setExecutor(Executor executor) {
        // handlers run on the connection's own thread; the executor is kept only for getExecutor()
        this.executor = executor;
    }

    @Override
    public Executor getExecutor() {
        return executor;
    }

    @Override
    public void stop(int delay) {
        stopped = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket connection : open) {
            try {
                connection.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        connections.shutdownNow();
    }

    @Override
    public synchronized HttpContext createContext(String path, HttpHandler handler) {
        Context context = new Context(this, path, handler);
        contexts.add(context);
        return context;
    }

    @Override
    public HttpContext createContext(String path) {
        return createContext(path, null);
    }

    @Override
    public synchronized void removeContext(String path) {
        contexts.removeIf(context -> context.path.equals(path));
    }

    @Override
    public synchronized void removeContext(HttpContext context) {
        contexts.remove(context);
    }

    @Override
    public InetSocketAddress getAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** A request the server refuses itself, with the status RFC 9112 gives for it. */
    static final class Refusal extends IOException {
        final int status;
        final String title;

        Refusal(int status, String title, String detail) {
            super(detail, null);
            this.status = status;
            this.title = title;
        }

        static Refusal badRequest(String detail) {
            return new Refusal(400, "Bad Request", detail);
        }
    }

    /** One parsed request, its body read whole. */
    record Request(String method, URI uri, String protocol, Headers headers, byte[] body, boolean closeAfter) {

        /** @return the next request, or null when the client closed the connection between requests */
        static Request read(InputStream in, long maxBodyBytes, OutputStream out) throws IOException {
            String requestLine = line(in, MAX_REQUEST_LINE, true);
            while (requestLine != null && requestLine.isEmpty()) {
                requestLine = line(in, MAX_REQUEST_LINE, true); // RFC 9112 2.2: ignore empty lines before a request
            }
            if (requestLine == null) {
                return null;
            }
            String[] parts = requestLine.split(" ", -1);
            if (parts.length != 3 || !isToken(parts[0])) {
                throw Refusal.badRequest("The request line must be METHOD SP target SP HTTP-version");
            }
            String protocol = parts[2];
            if (!protocol.equals("HTTP/1.1") && !protocol.equals("HTTP/1.0")) {
                throw new Refusal(505, "HTTP Version Not Supported", "Only HTTP/1.1 and HTTP/1.0 are served");
            }
            URI uri = target(parts[1]);
            Headers headers = headers(in);
            List<String> hosts = headers.get("Host");
            if (protocol.equals("HTTP/1.1") && (hosts == null || hosts.size() != 1)) {
                throw Refusal.badRequest("An HTTP/1.1 request has exactly one Host header");
            }
            String connection = String.join(",", headers.getOrDefault("Connection", List.of())).toLowerCase(Locale.ROOT);
            boolean closeAfter = protocol.equals("HTTP/1.0")
                ? !connection.contains("keep-alive")
                : connection.contains("close");
            byte[] body = body(in, headers, protocol, maxBodyBytes, out);
            return new Request(parts[0], uri, protocol, headers, body, closeAfter);
        }

        /** Origin-form only, printable ASCII, well-formed percent-encoding that decodes to UTF-8. */
        private static URI target(String target) throws Refusal {
            if (target.isEmpty() || target.charAt(0) != '/') {
                throw Refusal.badRequest("The request target must be a path starting with /");
            }
            for (int i = 0; i < target.length(); i++) {
                char c = target.charAt(i);
                if (c <= 0x20 || c >= 0x7f) {
                    throw Refusal.badRequest("The request target must be printable ASCII; percent-encode other bytes");
                }
            }
            int question = target.indexOf('?');
            String path = question < 0 ? target : target.substring(0, question);
            String query = question < 0 ? "" : target.substring(question + 1);
            int hash = query.indexOf('#');
            if (hash >= 0 || path.indexOf('#') >= 0) {
                throw Refusal.badRequest("The request target must not carry a fragment");
            }
            checkPercentEncodedUtf8(path, "path");
            checkPercentEncodedUtf8(query, "query");
            try {
                return new URI(target);
            } catch (URISyntaxException e) {
                throw Refusal.badRequest("The request target holds characters that must be percent-encoded");
            }
        }

        private static void checkPercentEncodedUtf8(String part, String name) throws Refusal {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(part.length());
            for (int i = 0; i < part.length(); i++) {
                char c = part.charAt(i);
                if (c == '%') {
                    if (i + 2 >= part.length() || hex(part.charAt(i + 1)) < 0 || hex(part.charAt(i + 2)) < 0) {
                        throw Refusal.badRequest("The " + name + " holds a % that is not followed by two hex digits");
                    }
                    bytes.write(hex(part.charAt(i + 1)) * 16 + hex(part.charAt(i + 2)));
                    i += 2;
                } else {
                    bytes.write(c);
                }
            }
            try {
                StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()));
            } catch (CharacterCodingException e) {
                throw Refusal.badRequest("The " + name + " does not decode to UTF-8");
            }
        }

        private static int hex(char c) {
            return Character.digit(c, 16) >= 0 && c < 0x80 ? Character.digit(c, 16) : -1;
        }

        private static Headers headers(InputStream in) throws IOException {
            Headers headers = new Headers();
            int total = 0;
            while (true) {
                String line = line(in, MAX_HEADER_BYTES - total, false);
                if (line == null) {
                    throw Refusal.badRequest("The connection closed inside the header section");
                }
                if (line.isEmpty()) {
                    return headers;
                }
                total += line.length() + 2;
                if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                    throw Refusal.badRequest("Folded header lines are not accepted");
                }
                int colon = line.indexOf(':');
                if (colon <= 0 || !isToken(line.substring(0, colon))) {
                    throw Refusal.badRequest("A header line must be a token name, a colon and a value");
                }
                String value = trimWhitespace(line.substring(colon + 1));
                for (int i = 0; i < value.length(); i++) {
                    char c = value.charAt(i);
                    if ((c < 0x20 && c != '\t') || c == 0x7f) {
                        throw Refusal.badRequest("Header " + line.substring(0, colon) + " holds a control character");
                    }
                }
                headers.add(line.substring(0, colon), value);
            }
        }

        /** Optional whitespace around a field value is SP and HTAB only (RFC 9110 5.6.3). */
        private static String trimWhitespace(String value) {
            int start = 0;
            int end = value.length();
            while (start < end && (value.charAt(start) == ' ' || value.charAt(start) == '\t')) {
                start++;
            }
            while (end > start && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\t')) {
                end--;
            }
            return value.substring(start, end);
        }

        private static byte[] body(InputStream in, Headers headers, String protocol, long maxBodyBytes,
                                   OutputStream out) throws IOException {
            List<String> transferEncoding = headers.get("Transfer-Encoding");
            List<String> contentLength = headers.get("Content-Length");
            if (transferEncoding != null) {
                if (contentLength != null) {
                    throw Refusal.badRequest("A request carries Content-Length or Transfer-Encoding, not both");
                }
                if (protocol.equals("HTTP/1.0")) {
                    throw Refusal.badRequest("Transfer-Encoding is not defined for HTTP/1.0");
                }
                if (!String.join(",", transferEncoding).strip().equalsIgnoreCase("chunked")) {
                    throw new Refusal(501, "Not Implemented", "Only the chunked transfer coding is understood");
                }
                continueIfExpected(headers, out);
                return chunked(in, maxBodyBytes);
            }
            if (contentLength == null) {
                return new byte[0];
            }
            long length = -1;
            for (String value : String.join(",", contentLength).split(",", -1)) {
                String digits = value.strip();
                if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    throw Refusal.badRequest("Content-Length must be a decimal number");
                }
                long parsed = Long.parseLong(digits);
                if (length >= 0 && parsed != length) {
                    throw Refusal.badRequest("Content-Length values disagree");
                }
                length = parsed;
            }
            if (length > maxBodyBytes) {
                throw tooLarge(maxBodyBytes);
            }
            continueIfExpected(headers, out);
            byte[] body = in.readNBytes((int) length);
            if (body.length < length) {
                throw Refusal.badRequest("The body is shorter than its Content-Length");
            }
            return body;
        }

        private static void continueIfExpected(Headers headers, OutputStream out) throws IOException {
            if ("100-continue".equalsIgnoreCase(String.valueOf(headers.getFirst("Expect")).strip())) {
                out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
        }

        /** RFC 9112 7.1; the limit is checked on the bytes that arrive, before they are kept. */
        private static byte[] chunked(InputStream in, long maxBodyBytes) throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = line(in, 1024, false);
                if (sizeLine == null) {
                    throw Refusal.badRequest("The connection closed inside a chunked body");
                }
                int extension = sizeLine.indexOf(';');
                String hexSize = (extension < 0 ? sizeLine : sizeLine.substring(0, extension)).strip();
                if (hexSize.isEmpty() || hexSize.length() > 8 || !hexSize.chars().allMatch(c -> hex((char) c) >= 0)) {
                    throw Refusal.badRequest("A chunk size must be hexadecimal");
                }
                long size = Long.parseLong(hexSize, 16);
                if (size == 0) {
                    break;
                }
                if (body.size() + size > maxBodyBytes) {
                    throw tooLarge(maxBodyBytes);
                }
                byte[] chunk = in.readNBytes((int) size);
                if (chunk.length < size) {
                    throw Refusal.badRequest("The connection closed inside a chunk");
                }
                body.write(chunk);
                int cr = in.read();
                if (!(cr == '\n' || (cr == '\r' && in.read() == '\n'))) {
                    throw Refusal.badRequest("A chunk must end with CRLF");
                }
            }
            headers(in); // trailer fields: read and checked, not kept
            return body.toByteArray();
        }

        private static Refusal tooLarge(long maxBodyBytes) {
            return new Refusal(413, "Payload Too Large", "The request body exceeds " + maxBodyBytes + " bytes");
        }

        /**
         * One line ended by CRLF (a bare LF is accepted, RFC 9112 2.2), as ISO-8859-1.
         * @return null if the stream ended before any byte of the line
         */
        private static String line(InputStream in, int max, boolean requestLine) throws IOException {
            StringBuilder line = new StringBuilder();
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    int length = line.length();
                    if (length > 0 && line.charAt(length - 1) == '\r') {
                        line.setLength(length - 1);
                    }
                    if (line.indexOf("\r") >= 0) {
                        throw Refusal.badRequest("A bare CR is not a line ending");
                    }
                    return line.toString();
                }
                if (line.length() >= max) {
                    throw requestLine
                        ? new Refusal(414, "URI Too Long", "The request line exceeds " + MAX_REQUEST_LINE + " bytes")
                        : new Refusal(431, "Request Header Fields Too Large", "The header section is too large");
                }
                line.append((char) b);
            }
            if (line.length() == 0) {
                return null;
            }
            throw Refusal.badRequest("The connection closed inside a line");
        }

        private static boolean isToken(String value) {
            if (value.isEmpty()) {
                return false;
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
                if (!ok) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The exchange handed to handlers; the response is buffered and written with its length on close. */
    static final class Exchange extends HttpExchange {

        private final StrictHttpServer server;
        private final Socket connection;
        private final Request request;
        private final OutputStream out;
        private final Headers responseHeaders = new Headers();
        private final Map<String, Object> attributes = new HashMap<>();
        private InputStream requestBody;
        private ByteArrayOutputStream responseBody = new ByteArrayOutputStream();
        private OutputStream responseStream = responseBody;
        private Context context;
        private int status = -1;
        private boolean noBody;
        private boolean finished;

        Exchange(StrictHttpServer server, Socket connection, Request request, OutputStream out) {
            this.server = server;
            this.connection = connection;
            this.request = request;
            this.out = out;
            this.requestBody = new ByteArrayInputStream(request.body());
        }

        boolean keepAlive() {
            return !request.closeAfter()
                && !"close".equalsIgnoreCase(String.valueOf(responseHeaders.getFirst("Connection")));
        }

        void problem(int problemStatus, String title, String detail) throws IOException {
            String body = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + problemStatus
                + ",\"detail\":\"" + detail + "\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            responseBody.reset();
            responseHeaders.set("Content-Type", "application/problem+json");
            sendResponseHeaders(problemStatus, bytes.length);
            responseBody.write(bytes);
        }

        void replaceWithProblem(int problemStatus, String title, String detail) throws IOException {
            if (finished) {
                return;
            }
            status = -1;
            responseHeaders.clear();
            problem(problemStatus, title, detail);
        }

        void finish() throws IOException {
            if (finished) {
                return;
            }
            finished = true;
            if (status < 0) {
                problem(500, "Internal Server Error", "The request was not answered");
            }
            boolean head = "HEAD".equals(request.method());
            boolean bodyless = noBody || status == 204 || status == 304 || (status >= 100 && status < 200);
            StringBuilder head0 = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
            responseHeaders.remove("Content-Length");
            responseHeaders.remove("Transfer-Encoding");
            if (!responseHeaders.containsKey("Date")) {
                responseHeaders.set("Date", DateTimeFormatter.RFC_1123_DATE_TIME
                    .format(ZonedDateTime.now(ZoneOffset.UTC)));
            }
            if (request.closeAfter()) {
                responseHeaders.set("Connection", "close");
            }
            responseHeaders.forEach((name, values) -> values.forEach(value ->
                head0.append(name).append(": ").append(value).append("\r\n")));
            if (!bodyless) {
                head0.append("Content-Length: ").append(responseBody.size()).append("\r\n");
            }
            head0.append("\r\n");
            out.write(head0.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (!bodyless && !head) {
                responseBody.writeTo(out);
            }
            out.flush();
        }

        private static String reason(int status) {
            return switch (status) {
                case 200 -> "OK";
                case 201 -> "Created";
                case 204 -> "No Content";
                case 304 -> "Not Modified";
                case 400 -> "Bad Request";
                case 401 -> "Unauthorized";
                case 403 -> "Forbidden";
                case 404 -> "Not Found";
                case 405 -> "Method Not Allowed";
                case 409 -> "Conflict";
                case 412 -> "Precondition Failed";
                case 413 -> "Payload Too Large";
                case 415 -> "Unsupported Media Type";
                case 500 -> "Internal Server Error";
                case 503 -> "Service Unavailable";
                default -> "Status";
            };
        }

        @Override
        public Headers getRequestHeaders() {
            return request.headers();
        }

        @Override
        public Headers getResponseHeaders() {
            return responseHeaders;
        }

        @Override
        public URI getRequestURI() {
            return request.uri();
        }

        @Override
        public String getRequestMethod() {
            return request.method();
        }

        @Override
        public HttpContext getHttpContext() {
            return context;
        }

        @Override
        public void close() {
            try {
                responseStream.close();
                finish();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public InputStream getRequestBody() {
            return requestBody;
        }

        @Override
        public OutputStream getResponseBody() {
            return responseStream;
        }

        /** @param length as the JDK server takes it: -1 no body, 0 any length, n exactly n bytes */
        @Override
        public void sendResponseHeaders(int code, long length) {
            if (status >= 0) {
                throw new IllegalStateException("response headers already sent");
            }
            status = code;
            noBody = length < 0;
        }

        @Override
        public InetSocketAddress getRemoteAddress() {
            return (InetSocketAddress) connection.getRemoteSocketAddress();
        }

        @Override
        public int getResponseCode() {
            return status;
        }

        @Override
        public InetSocketAddress getLocalAddress() {
            return (InetSocketAddress) connection.getLocalSocketAddress();
        }

        @Override
        public String getProtocol() {
            return request.protocol();
        }

        @Override
        public Object getAttribute(String name) {
            return attributes.get(name);
        }

        @Override
        public void setAttribute(String name, Object value) {
            attributes.put(name, value);
        }

        @Override
        public void setStreams(InputStream in, OutputStream out) {
            if (in != null) {
                requestBody = in;
            }
            if (out != null) {
                responseStream = out;
            }
        }

        @Override
        public HttpPrincipal getPrincipal() {
            return null;
        }
    }

    static final class Context extends HttpContext {

        private final StrictHttpServer server;
        private final String path;
        private HttpHandler handler;
        private final Map<String, Object> attributes = new HashMap<>();
        private final List<Filter> filters = new ArrayList<>();
        private Authenticator authenticator;

        Context(StrictHttpServer server, String path, HttpHandler handler) {
            this.server = server;
            this.path = path;
            this.handler = handler;
        }

        @Override
        public HttpHandler getHandler() {
            return handler;
        }

        @Override
        public void setHandler(HttpHandler handler) {
            this.handler = handler;
        }

        @Override
        public String getPath() {
            return path;
        }

        @Override
        public HttpServer getServer() {
            return server;
        }

        @Override
        public Map<String, Object> getAttributes() {
            return attributes;
        }

        @Override
        public List<Filter> getFilters() {
            return filters;
        }

        @Override
        public Authenticator setAuthenticator(Authenticator auth) {
            Authenticator previous = authenticator;
            authenticator = auth;
            return previous;
        }

        @Override
        public Authenticator getAuthenticator() {
            return authenticator;
        }
    }
}
