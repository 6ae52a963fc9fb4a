package dev.shop.common.json;

/**
 * JSON string literals written by hand, for the log and metric lines a
 * function prints on every request: a {@code StringBuilder} and this escape
 * cost nothing at start-up, where an {@code ObjectMapper} would be built
 * for each line's few fields.
 */
public final class JsonStrings {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonStrings() {
    }

    /** Appends {@code value} as a quoted JSON string ({@code null} as JSON null). */
    public static StringBuilder quote(StringBuilder out, String value) {
        if (value == null) {
            return out.append("null");
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
                    } else if (c == 0x2028 || c == 0x2029) {
                        // legal in JSON, but a line break to many readers of a log line
                        out.append("\\u").append(Integer.toHexString(c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }

    /** Appends {@code ,"name":"value"}, or nothing when the value is {@code null}. */
    public static StringBuilder field(StringBuilder out, String name, String value) {
        if (value == null) {
            return out;
        }
        out.append(',');
        quote(out, name).append(':');
        return quote(out, value);
    }
}
