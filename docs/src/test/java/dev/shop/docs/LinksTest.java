package dev.shop.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every link in README.md and docs/ stays inside the repository and leads somewhere: a reader of a fresh clone
 * (or a class offline) follows each one. The only way out is to the documentation of a product the shop uses,
 * cited as the source of a limit, a price or a behaviour.
 */
class LinksTest {

    /** Documentation sites cited as sources; nothing else outside the repository is linked. */
    static final Set<String> SOURCE_SITES = Set.of(
        "docs.aws.amazon.com",   // AWS service limits and behaviour
        "aws.amazon.com",        // AWS pricing pages
        "micronaut.io",
        "docs.micronaut.io",
        "docs.gatling.io",
        "dynamoosejs.com");      // the ODM the decision records compare with

    static List<Path> pages() {
        return Repository.markdownPages();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void everyLinkStaysInTheRepositoryAndLeadsToAFileOrCitesADocumentationSite(Path page) {
        List<String> broken = new ArrayList<>();
        for (Markdown.Link link : Markdown.links(Repository.read(page))) {
            String problem = problemWith(page, link.target());
            if (problem != null) {
                broken.add(link + " (" + problem + ")");
            }
        }
        assertThat(broken).as("links in %s", Repository.relative(page)).isEmpty();
    }

    @Test
    void aLinkThatEscapesTheRepositoryIsCaught() {
        Path readme = Repository.resolve("README.md");
        assertThat(problemWith(readme, "../shared/CONTRACT.md")).contains("outside the repository");
        assertThat(problemWith(readme, "docs/no-such-page.md")).contains("no such file");
        assertThat(problemWith(readme, "https://example.com/")).contains("not a documentation site");
        assertThat(problemWith(readme, "docs/data-model.md#the-table")).isNull();
        assertThat(problemWith(readme, "docs/data-model.md#no-such-heading")).contains("no heading");
        assertThat(problemWith(readme, "docs/performance.md#4-cold-start")).isNull();
        assertThat(problemWith(readme, "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/")).isNull();
    }

    /** Why a link is not allowed, or null when it is. */
    static String problemWith(Path page, String target) {
        if (target.startsWith("#")) {
            return Markdown.anchors(Repository.read(page)).contains(target.substring(1))
                ? null : "no heading with the anchor " + target + " on this page";
        }
        if (target.matches("[A-Za-z][A-Za-z0-9+.-]*:.*")) {
            URI uri = URI.create(target);
            if (!"https".equals(uri.getScheme())) {
                return "only https links to documentation sites may leave the repository";
            }
            return SOURCE_SITES.contains(uri.getHost()) ? null : "not a documentation site cited as a source: " + uri.getHost();
        }
        String path = target.replaceFirst("[#?].*$", "");
        Path resolved = page.getParent().resolve(path).normalize();
        if (!resolved.startsWith(Repository.ROOT)) {
            return "outside the repository";
        }
        if (!Files.exists(resolved)) {
            return "no such file: " + Repository.relative(resolved);
        }
        int hash = target.indexOf('#');
        if (hash >= 0 && resolved.toString().endsWith(".md")) {
            String anchor = target.substring(hash + 1);
            if (!Markdown.anchors(Repository.read(resolved)).contains(anchor)) {
                return "no heading with the anchor #" + anchor + " in " + Repository.relative(resolved);
            }
        }
        return null;
    }
}
