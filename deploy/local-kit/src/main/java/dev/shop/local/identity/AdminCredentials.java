package dev.shop.local.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The local stack's own AWS-style credentials: what an administrative call
 * ({@code Admin*}) to the identity endpoint must be SigV4-signed with, as real
 * Cognito wants IAM credentials for them. Made once per state directory and
 * kept there owner-only ({@code admin-credentials.json}), so that only the
 * person who started the stack can make a user an admin; in memory, fresh
 * ones per start.
 */
public record AdminCredentials(String accessKeyId, String secretAccessKey) {

    static final String FILE = "admin-credentials.json";
    private static final String KEY_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String SECRET_ALPHABET =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    @Override
    public String toString() {
        return "AdminCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=(hidden)]";
    }

    static AdminCredentials loadOrCreate(Optional<Path> stateDir, ObjectMapper json, SecureRandom random) {
        Optional<Path> file = stateDir.map(dir -> dir.resolve(FILE));
        Optional<AdminCredentials> stored = file.flatMap(StateFiles::read).map(bytes -> parse(json, bytes));
        if (stored.isPresent()) {
            StateFiles.ownerOnly(file.get());
            return stored.get();
        }
        AdminCredentials fresh = new AdminCredentials("AKIALOCAL" + random(random, KEY_ID_ALPHABET, 11),
            random(random, SECRET_ALPHABET, 40));
        file.ifPresent(path -> StateFiles.writeAtomically(path, ("{\"accessKeyId\":\"" + fresh.accessKeyId
            + "\",\"secretAccessKey\":\"" + fresh.secretAccessKey + "\"}\n").getBytes(StandardCharsets.UTF_8)));
        return fresh;
    }

    private static AdminCredentials parse(ObjectMapper json, byte[] bytes) {
        try {
            JsonNode node = json.readTree(bytes);
            return new AdminCredentials(node.path("accessKeyId").asText(), node.path("secretAccessKey").asText());
        } catch (IOException e) {
            throw new IllegalStateException(FILE + " is not readable JSON; delete it to get new credentials", e);
        }
    }

    private static String random(SecureRandom random, String alphabet, int length) {
        StringBuilder value = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            value.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return value.toString();
    }
}
