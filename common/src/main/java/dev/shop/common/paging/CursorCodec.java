package dev.shop.common.paging;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import dev.shop.common.web.Problem;
import dev.shop.common.web.ProblemException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns DynamoDB's {@code LastEvaluatedKey} into an opaque cursor and back.
 *
 * <p>A cursor is the key's attributes in a compact binary form, encrypted and
 * authenticated with AES-GCM under a key derived from
 * the {@link CursorSecret}, with the cursor's {@link CursorScope} (the
 * listing and every parameter that shapes its Query) as associated data.
 * Clients can neither read the key values inside (product names, user ids)
 * nor alter them: a cursor the server did not issue, one that was changed or
 * truncated, or one from another listing or with other parameters fails
 * authentication and is refused with 400 instead of silently starting a
 * different page.
 */
@Singleton
public final class CursorCodec {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    @Inject
    CursorCodec(CursorSecret secret) {
        this(secret.value());
    }

    public CursorCodec(String secret) {
        if (secret.length() < 16) {
            throw new IllegalStateException("shop.cursor.secret must have at least 16 characters");
        }
        this.key = new SecretKeySpec(deriveKey(secret), "AES");
    }

    /** @return the cursor of the page after {@code lastEvaluatedKey}, or null when there is none */
    @Nullable
    public String encode(CursorScope scope, @Nullable Map<String, AttributeValue> lastEvaluatedKey) {
        if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, scope, iv);
            byte[] sealed = cipher.doFinal(serialize(lastEvaluatedKey));
            byte[] cursor = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, cursor, 0, IV_BYTES);
            System.arraycopy(sealed, 0, cursor, IV_BYTES, sealed.length);
            return ENCODER.encodeToString(cursor);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /**
     * @return the key to start after, or null for a first page
     * @throws ProblemException 400 naming {@code cursor} when it was not issued for this scope
     */
    @Nullable
    public Map<String, AttributeValue> decode(CursorScope scope, @Nullable String cursor) {
        if (cursor == null) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = DECODER.decode(cursor);
        } catch (IllegalArgumentException notBase64) {
            throw invalid();
        }
        if (bytes.length <= IV_BYTES + TAG_BITS / 8) {
            throw invalid();
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, scope, Arrays.copyOf(bytes, IV_BYTES));
            return deserialize(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES));
        } catch (GeneralSecurityException | IOException | IllegalArgumentException forgedOrCorrupt) {
            throw invalid();
        }
    }

    /** Validates the page size and decodes the cursor in one step. */
    public PageRequest pageRequest(CursorScope scope, int limit, @Nullable String cursor) {
        if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
            throw new ProblemException(Problem.invalidField("limit", "must be between 1 and " + PageRequest.MAX_LIMIT));
        }
        return new PageRequest(limit, decode(scope, cursor), scope);
    }

    /** 400 naming {@code cursor}: it was not issued by this server for this listing and these parameters. */
    static ProblemException invalid() {
        return new ProblemException(Problem.invalidField("cursor", "is not a cursor this server issued for this listing and these parameters"));
    }

    private Cipher cipher(int mode, CursorScope scope, byte[] iv) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(scope.associatedData());
        return cipher;
    }

    /** A 128-bit AES key from the configured secret, so any secret of 16+ characters will do. */
    private static byte[] deriveKey(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal("shop-cursor-v1".getBytes(StandardCharsets.UTF_8)), 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static byte[] serialize(Map<String, AttributeValue> key) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            Map<String, AttributeValue> sorted = new TreeMap<>(key);
            out.writeByte(sorted.size());
            for (Map.Entry<String, AttributeValue> entry : sorted.entrySet()) {
                out.writeUTF(entry.getKey());
                AttributeValue value = entry.getValue();
                if (value.s() != null) {
                    out.writeByte('S');
                    out.writeUTF(value.s());
                } else if (value.n() != null) {
                    out.writeByte('N');
                    out.writeUTF(value.n());
                } else {
                    throw new IllegalArgumentException("Key attribute " + entry.getKey() + " is neither S nor N");
                }
            }
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        return bytes.toByteArray();
    }

    private static Map<String, AttributeValue> deserialize(byte[] payload) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            int count = in.readUnsignedByte();
            Map<String, AttributeValue> key = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                int type = in.readUnsignedByte();
                String value = in.readUTF();
                key.put(name, switch (type) {
                    case 'S' -> AttributeValue.fromS(value);
                    case 'N' -> AttributeValue.fromN(value);
                    default -> throw new IOException("unknown attribute type");
                });
            }
            if (in.available() > 0) {
                throw new IOException("trailing bytes");
            }
            return key;
        }
    }
}
