package dev.shop.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * docs/api/openapi.yaml is what the code describes: the build merges the services' compile-time parts
 * and this test compares the result with the committed copy, so a change to a controller that changes
 * the API shows in the diff of the document.
 */
class ApiDocumentTest {

    static final String REGENERATE = "./mvnw -B -pl api -am verify -Dshop.api.write=true "
        + "-Dtest=ApiDocumentTest -Dsurefire.failIfNoSpecifiedTests=false";

    @Test
    void committedDocumentIsTheOneTheCodeDescribes() throws IOException {
        String generated = ApiDocument.merge(Path.of(System.getProperty("shop.api.parts")));
        Path committed = Path.of(System.getProperty("shop.api.document"));
        if (Boolean.parseBoolean(System.getProperty("shop.api.write"))) {
            Files.createDirectories(committed.getParent());
            Files.writeString(committed, generated, StandardCharsets.UTF_8);
        }
        String onDisk = Files.exists(committed) ? Files.readString(committed, StandardCharsets.UTF_8) : "";
        assertThat(onDisk)
            .as("docs/api/openapi.yaml differs from what the controllers describe. If the API change is "
                + "intended, regenerate the document with%n  %s%nand commit it (then build again: the client "
                + "and the docs page are made from the committed copy)", REGENERATE)
            .isEqualTo(generated);
    }
}
