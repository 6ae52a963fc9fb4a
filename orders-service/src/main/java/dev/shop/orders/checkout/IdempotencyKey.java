package dev.shop.orders.checkout;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

import dev.shop.common.web.Problem;
import dev.shop.common.web.ProblemException;
import io.micronaut.core.annotation.Nullable;

/** The client's {@code Idempotency-Key} (1..64 of {@code [A-Za-z0-9-_]}) and the body hash it is bound to. */
record IdempotencyKey(String value) {

    static final String HEADER = "Idempotency-Key";
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** @throws ProblemException 400 naming the header when it is missing or malformed */
    static IdempotencyKey parse(@Nullable String header) {
        if (header == null || !FORMAT.matcher(header).matches()) {
            throw new ProblemException(Problem.invalidField(HEADER, "is required: 1 to 64 characters of A-Z, a-z, 0-9, '-' and '_'"));
        }
        return new IdempotencyKey(header);
    }

    /** SHA-256, hex, of the canonical form of a request body (its re-serialized JSON, members in a fixed order). */
    static String hash(byte[] canonicalBody) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonicalBody));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    static String hash(String canonicalBody) {
        return hash(canonicalBody.getBytes(StandardCharsets.UTF_8));
    }
}
