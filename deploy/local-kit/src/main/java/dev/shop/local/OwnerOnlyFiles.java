package dev.shop.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files of the local stack that hold secrets (the signing key, the users'
 * password hashes, the cursor key, the admin credentials, stack.json): only
 * their owner may read them, {@code rw-------} in {@code rwx------}
 * directories. Permissions are set when a file is written and again when an
 * existing one is opened, so a file left readable by an older version or a
 * careless {@code chmod} is closed up on the next start.
 */
public final class OwnerOnlyFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnlyFiles() {
    }

    /** Creates the directory and its missing parents, and makes it {@code rwx------}. */
    public static Path directory(Path dir) {
        try {
            Files.createDirectories(dir);
            if (POSIX) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    /** Makes an existing file {@code rw-------} (and its directory {@code rwx------}). */
    public static void restrict(Path file) {
        try {
            directory(file.toAbsolutePath().getParent());
            if (POSIX && Files.exists(file)) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict " + file, e);
        }
    }

    /**
     * Writes {@code content} to a temporary owner-only file next to {@code file}
     * and moves it over, so a crash or Ctrl-C leaves the previous version
     * rather than half a file, and the secret is never readable by others.
     */
    public static void writeAtomically(Path file, byte[] content) {
        try {
            Path dir = directory(file.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(dir, file.getFileName() + ".", ".tmp");
            try {
                if (POSIX) {
                    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
                }
                Files.write(temp, content);
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
