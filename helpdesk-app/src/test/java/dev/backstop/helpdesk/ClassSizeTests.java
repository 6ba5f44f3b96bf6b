package dev.backstop.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No production class of any module grows past ~300 lines unnoticed (issue 19): a longer file says why in its class
 * javadoc, in a sentence with "lines on purpose" or "lines for a reason" ("About 450 lines on purpose: every path's
 * rule is in this one file ..."). Splitting it is the other way to pass.
 */
class ClassSizeTests {

    static final int MOST_LINES = 300;

    /** The class javadoc: the last {@code /** ... *}{@code /} before the first top-level type of the file. */
    private static final Pattern CLASS_JAVADOC = Pattern.compile(
            "/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*"
                    + "(?:public\\s+|final\\s+|abstract\\s+|sealed\\s+)*(?:class|record|interface|enum)\\s",
            Pattern.DOTALL);

    private static final Pattern REASON = Pattern.compile("lines (on purpose|for a reason)");

    @Test
    void aClassOverThreeHundredLinesSaysWhyInItsJavadoc() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path main : modules.map(m -> m.resolve("src/main/java"))
                    .filter(Files::isDirectory)
                    .toList()) {
                try (Stream<Path> files = Files.walk(main)) {
                    files.filter(f -> f.toString().endsWith(".java")).forEach(sources::add);
                }
            }
        }
        assertThat(sources).as("production sources under " + root).hasSizeGreaterThan(300);

        List<String> unexplained = sources.stream()
                .filter(f -> lines(f).size() > MOST_LINES)
                .filter(f -> !REASON.matcher(classJavadoc(f)).find())
                .map(f -> root.relativize(f) + " (" + lines(f).size() + " lines)")
                .sorted()
                .toList();
        assertThat(unexplained)
                .as(
                        "classes over %d lines without \"lines on purpose\" or \"lines for a reason\" in their javadoc:"
                                + " split them, or say why they are one class",
                        MOST_LINES)
                .isEmpty();
    }

    @Test
    void theReasonMustBeInTheClassJavadocNotAnywhereInTheFile() {
        String source = """
                package x;

                /** Short. */
                class Long {
                    /** About 400 lines on purpose: not here, this is a method's javadoc. */
                    void method() {}
                }
                """;
        assertThat(REASON.matcher(classJavadoc(source)).find()).isFalse();
        assertThat(REASON.matcher(classJavadoc(source.replace("Short.", "Short. About 400 lines on purpose: why.")))
                        .find())
                .isTrue();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String classJavadoc(Path file) {
        return classJavadoc(String.join("\n", lines(file)));
    }

    private static String classJavadoc(String source) {
        Matcher m = CLASS_JAVADOC.matcher(source);
        String javadoc = "";
        if (m.find()) {
            javadoc = m.group(1);
            int inner = javadoc.lastIndexOf("/**");
            javadoc = inner >= 0 ? javadoc.substring(inner) : javadoc;
        }
        return javadoc;
    }
}
