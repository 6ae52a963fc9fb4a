package dev.shop.local.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends bytes no well-behaved HTTP client would (control characters in a
 * header, a malformed request target, a hand-made chunked body) over a plain
 * socket and reads the one answer. For tests of what a server refuses.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** A parsed answer: the status, the headers (names lower-cased), the body. */
    public record Answer(int status, Map<String, String> headers, String body) {
    }

    /** Sends {@code request} (ISO-8859-1, so every char is one byte) to the server at {@code baseUrl}. */
    public static Answer send(String baseUrl, String request) {
        return send(baseUrl, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    public static Answer send(String baseUrl, byte[] request) {
        URI uri = URI.create(baseUrl);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException refusedMidway) {
                // the server may answer and stop reading before all was sent; its answer is still there
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        while (statusLine.startsWith("HTTP/1.1 100")) {
            line(in);
            statusLine = line(in);
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).toLowerCase(Locale.ROOT), header.substring(colon + 1).strip());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        return new Answer(status, headers, new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            line.write(b);
        }
        return line.toString(StandardCharsets.ISO_8859_1).replaceAll("\r$", "");
    }

    /** {@code body} as one chunk per {@code chunkSize} bytes, then the last chunk. */
    public static String chunked(String body, int chunkSize) {
        StringBuilder chunks = new StringBuilder();
        for (int start = 0; start < body.length(); start += chunkSize) {
            String chunk = body.substring(start, Math.min(body.length(), start + chunkSize));
            chunks.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        return chunks.append("0\r\n\r\n").toString();
    }
}
