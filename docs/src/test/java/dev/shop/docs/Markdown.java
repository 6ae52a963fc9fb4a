package dev.shop.docs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough Markdown for the checks: links, and the rows of a page's tables, outside fenced code. */
final class Markdown {

    /** An inline link {@code [text](target)} or image, a reference definition {@code [id]: target}, or an autolink {@code <https://...>}. */
    private static final Pattern LINK = Pattern.compile(
        "\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)|^\\s*\\[[^\\]]+\\]:\\s*(\\S+)|<(https?://[^>\\s]+)>");

    /** A path written in code spans: letters, digits, dots, dashes, underscores, at least one slash. */
    private static final Pattern HEADING = Pattern.compile("#{1,6}\\s+(.+?)\\s*#*\\s*");

    private static final Pattern CODE_PATH = Pattern.compile("`([A-Za-z0-9._-]+(?:/[A-Za-z0-9._*-]+)+/?)(?:#[A-Za-z0-9_]+)?`");

    record Link(int line, String target) {
        @Override
        public String toString() {
            return "line " + line + ": " + target;
        }
    }

    private Markdown() {
    }

    static List<Link> links(String page) {
        List<Link> links = new ArrayList<>();
        List<String> lines = proseLines(page);
        for (int i = 0; i < lines.size(); i++) {
            Matcher matcher = LINK.matcher(lines.get(i));
            while (matcher.find()) {
                String target = matcher.group(1) != null ? matcher.group(1)
                    : matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
                links.add(new Link(i + 1, target));
            }
        }
        return links;
    }

    /** The lines of the page's tables that are rows of data (not the header, not the separator). */
    static List<String> tableRows(String page) {
        List<String> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : proseLines(page)) {
            String trimmed = line.trim();
            if (!trimmed.startsWith("|")) {
                inTable = false;
                continue;
            }
            if (trimmed.matches("\\|[\\s|:-]+\\|?")) {
                inTable = true;
                continue;
            }
            if (inTable) {
                rows.add(trimmed);
            }
        }
        return rows;
    }

    /** Repository paths written as code spans ({@code `common/pom.xml`}); a {@code #member} suffix is dropped. */
    static List<String> codePaths(String text) {
        List<String> paths = new ArrayList<>();
        Matcher matcher = CODE_PATH.matcher(text);
        while (matcher.find()) {
            paths.add(matcher.group(1));
        }
        return paths;
    }

    /**
     * The anchors GitHub gives the page's headings: lower case, punctuation other than {@code -} and {@code _}
     * dropped, spaces turned into {@code -}; a repeated heading gets {@code -1}, {@code -2}, ...
     */
    static Set<String> anchors(String page) {
        Set<String> anchors = new HashSet<>();
        for (String line : proseLines(page)) {
            Matcher heading = HEADING.matcher(line);
            if (!heading.matches()) {
                continue;
            }
            String slug = heading.group(1).trim().toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N} _-]", "")
                .replace(' ', '-');
            String anchor = slug;
            for (int n = 1; !anchors.add(anchor); n++) {
                anchor = slug + "-" + n;
            }
        }
        return anchors;
    }

    /** The page with fenced code blocks blanked out (line numbers kept), so that shell examples are not read as links. */
    private static List<String> proseLines(String page) {
        List<String> lines = new ArrayList<>();
        boolean fenced = false;
        for (String line : page.split("\n", -1)) {
            if (line.trim().startsWith("```")) {
                fenced = !fenced;
                lines.add("");
                continue;
            }
            lines.add(fenced ? "" : line);
        }
        return lines;
    }
}
