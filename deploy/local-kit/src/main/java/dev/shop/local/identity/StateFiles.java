package dev.shop.local.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import dev.shop.local.OwnerOnlyFiles;

/**
 * Reads and writes the provider's state files: a private key, password
 * hashes and credentials, so owner-only ({@link OwnerOnlyFiles}), also when
 * an existing file is read. A write replaces the file atomically.
 */
final class StateFiles {

    private StateFiles() {
    }

    static Optional<byte[]> read(Path file) {
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            OwnerOnlyFiles.restrict(file);
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static void writeAtomically(Path file, byte[] content) {
        OwnerOnlyFiles.writeAtomically(file, content);
    }

    static void ownerOnly(Path file) {
        OwnerOnlyFiles.restrict(file);
    }
}
