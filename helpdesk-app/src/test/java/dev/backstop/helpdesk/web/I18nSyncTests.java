package dev.backstop.helpdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every message bundle has the same keys in its default, English and Chinese files, none empty, and real Chinese. */
class I18nSyncTests {

    private static final Path MESSAGES = Path.of("src/main/resources/messages");

    @Test
    void everyBundleHasTheSameKeysInChineseAndEnglish() throws IOException {
        try (Stream<Path> files = Files.list(MESSAGES)) {
            var bundles = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".properties") && !n.contains("_"))
                    .map(n -> n.substring(0, n.length() - ".properties".length()))
                    .toList();
            assertThat(bundles).contains("messages", "identity", "tickets", "workspace");
            for (String bundle : bundles) {
                Properties base = load(bundle + ".properties");
                Properties en = load(bundle + "_en.properties");
                Properties zh = load(bundle + "_zh_CN.properties");
                assertThat(en.stringPropertyNames()).as(bundle + " en").isEqualTo(base.stringPropertyNames());
                assertThat(zh.stringPropertyNames()).as(bundle + " zh_CN").isEqualTo(base.stringPropertyNames());
                for (Properties p : new Properties[] {base, en, zh}) {
                    p.forEach((k, v) ->
                            assertThat(v.toString()).as(bundle + " " + k).isNotBlank());
                }
                long chinese = zh.values().stream()
                        .filter(v -> v.toString()
                                .codePoints()
                                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                        .count();
                assertThat(chinese).as(bundle + " has Chinese text").isGreaterThan(zh.size() / 2);
            }
        }
    }

    /**
     * A message with arguments goes through {@link java.text.MessageFormat}, where a lone apostrophe starts a quoted
     * section: "the distributor's tier {0}" would show "the distributors tier {0}" with the placeholder left in.
     */
    @Test
    void messagesWithArgumentsDoubleTheirApostrophes() throws IOException {
        try (Stream<Path> files = Files.list(MESSAGES)) {
            for (Path file :
                    files.filter(p -> p.toString().endsWith(".properties")).toList()) {
                Properties messages = load(file.getFileName().toString());
                messages.forEach((key, value) -> {
                    String text = value.toString();
                    if (text.matches("(?s).*\\{\\d.*")) {
                        assertThat(text.replace("''", ""))
                                .as(file.getFileName() + " " + key)
                                .doesNotContain("'");
                        assertThat(java.text.MessageFormat.format(text, "A", "B", "C", "D"))
                                .as(file.getFileName() + " " + key)
                                .doesNotContain("{0}");
                    }
                });
            }
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(MESSAGES.resolve(name))) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
