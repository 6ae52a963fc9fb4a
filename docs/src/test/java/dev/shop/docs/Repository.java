package dev.shop.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The repository the docs describe: its root, and the Markdown pages a reader sees. */
final class Repository {

    /** Maven passes the root; run from an IDE, the module's directory (docs/) is the working directory. */
    static final Path ROOT = Path.of(System.getProperty("shop.repository.root", "..")).toAbsolutePath().normalize();

    private Repository() {
    }

    static Path resolve(String relative) {
        return ROOT.resolve(relative).normalize();
    }

    /** README.md and every page under docs/, but not the build's output or this module's sources. */
    static List<Path> markdownPages() {
        Path docs = ROOT.resolve("docs");
        try (Stream<Path> files = Files.walk(docs)) {
            List<Path> pages = Stream.concat(Stream.of(ROOT.resolve("README.md")),
                    files.filter(file -> file.toString().endsWith(".md"))
                        .filter(file -> !file.startsWith(docs.resolve("target")) && !file.startsWith(docs.resolve("src"))))
                .sorted()
                .toList();
            if (pages.size() < 2) {
                throw new AssertionError("found no pages under " + docs + ": is shop.repository.root right?");
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String relative(Path file) {
        return ROOT.relativize(file).toString();
    }
}
