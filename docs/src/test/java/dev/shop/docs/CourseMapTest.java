package dev.shop.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/**
 * docs/course.md sends a student from a topic of their notes to the files that show it. A renamed or deleted file
 * would send them nowhere, so every path the map names must exist, and no topic of the course may drop out.
 */
class CourseMapTest {

    /** The topics of the course (issue #21); each must have a row of its own. */
    static final List<String> TOPICS = List.of(
        "REST API", "HTTP API", "WebSocket API", "Caching", "Throttling", "Usage plans", "CORS", "Authorizers",
        "Interactive documentation", "SDK generation", "Stages", "Monitoring",
        "Lambda", "Cognito",
        "Single-table design", "Transactions", "TTL", "Streams", "Global tables", "Schema", "Validation",
        "Middleware");

    private final String map = Repository.read(Repository.resolve("docs/course.md"));
    private final List<String> rows = Markdown.tableRows(map);

    @Test
    void everyPathTheCourseMapNamesExists() {
        List<String> paths = new ArrayList<>();
        rows.forEach(row -> paths.addAll(Markdown.codePaths(row)));
        assertThat(paths).as("paths in the course map").hasSizeGreaterThan(40);
        assertThat(paths.stream().filter(path -> !Files.exists(Repository.resolve(path))).distinct().toList())
            .as("paths in docs/course.md that do not exist")
            .isEmpty();
    }

    @Test
    void everyRowPointsAtLeastAtOneFileOrPage() {
        assertThat(rows).allSatisfy(row -> assertThat(Markdown.codePaths(row).size() + Markdown.links(row).size())
            .as("row %s", row)
            .isPositive());
    }

    @Test
    void everyTopicOfTheCourseHasARow() {
        List<String> firstCells = rows.stream()
            .map(row -> row.split("\\|")[1].replace("*", "").trim().toLowerCase(Locale.ROOT))
            .toList();
        assertThat(TOPICS).allSatisfy(topic -> assertThat(firstCells)
            .as("a row for %s", topic)
            .anyMatch(cell -> cell.contains(topic.toLowerCase(Locale.ROOT))));
    }

    @Test
    void aPathInCodeIsRecognizedAndAMemberSuffixDropped() {
        assertThat(Markdown.codePaths("| x | `common/pom.xml`, `common/src/Keys.java#product`, `not a path`, `GSI1` |"))
            .containsExactly("common/pom.xml", "common/src/Keys.java");
    }
}
