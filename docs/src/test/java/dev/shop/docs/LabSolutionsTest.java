package dev.shop.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A lab's reference solution is a patch against today's code. When the code moves on and a patch no longer
 * applies, this fails, so the labs cannot rot unseen; the fix is to redo the solution on the new code.
 */
class LabSolutionsTest {

    static final Path LABS = Repository.resolve("docs/labs");
    static final Path SOLUTIONS = LABS.resolve("solutions");

    static List<Path> solutions() throws IOException {
        try (Stream<Path> files = Files.list(SOLUTIONS)) {
            return files.filter(file -> file.toString().endsWith(".patch")).sorted().toList();
        }
    }

    static List<Path> labs() throws IOException {
        try (Stream<Path> files = Files.list(LABS)) {
            return files.filter(file -> file.getFileName().toString().matches("\\d\\d-.*\\.md")).sorted().toList();
        }
    }

    @Test
    void thereAreFiveLabsEachWithItsSolution() throws IOException {
        assertThat(labs()).hasSize(5);
        assertThat(solutions()).hasSize(5);
        for (Path lab : labs()) {
            String number = lab.getFileName().toString().substring(0, 2);
            assertThat(Markdown.links(Repository.read(lab)))
                .as("%s links its solution", Repository.relative(lab))
                .anyMatch(link -> link.target().matches("solutions/" + number + "-.*\\.patch"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("solutions")
    void theSolutionAppliesToTheCurrentCode(Path patch) throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "apply", "--check", "--verbose", patch.toString())
            .directory(Repository.ROOT.toFile())
            .redirectErrorStream(true)
            .start();
        String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(git.waitFor(60, TimeUnit.SECONDS)).as("git apply finished").isTrue();
        assertThat(git.exitValue())
            .as("git apply --check %s:%n%s", Repository.relative(patch), output)
            .isZero();
        assertThat(output).as("the patch changes something").contains("Checking patch");
    }
}
