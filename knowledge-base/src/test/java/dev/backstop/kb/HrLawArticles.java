package dev.backstop.kb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 51 real articles of Chinese labour law, copied unchanged from the shared HR-law corpus
 * ({@code hr_articles.jsonl}, from the public LawRefBook/Laws repository; official texts of laws are
 * not subject to copyright in China): 劳动法 arts. 36–50 (working time, rest, overtime pay, annual
 * leave), 劳动合同法 arts. 25–40, 工资支付暂行规定 arts. 1–20. Many share single characters or
 * words with the queries of the tests (年, 休假, 工资, 工作时间).
 */
final class HrLawArticles {

    private static final String RESOURCE = "/hr-law/articles-sample.jsonl";

    private HrLawArticles() {}

    static List<KbDocument> all(String audience) {
        try (InputStream in = HrLawArticles.class.getResourceAsStream(RESOURCE);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines()
                    .map(HrLawArticles::parse)
                    .map(article -> new KbDocument(
                            article.get("id"),
                            article.get("title"),
                            article.get("body"),
                            "zh",
                            audience,
                            article.get("law"),
                            List.of()))
                    .toList();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A flat JSON object of string values, one per line: all this corpus needs. */
    static Map<String, String> parse(String line) {
        Map<String, String> values = new HashMap<>();
        int i = line.indexOf('{') + 1;
        while (true) {
            int keyStart = line.indexOf('"', i);
            if (keyStart < 0) {
                return values;
            }
            StringBuilder key = new StringBuilder();
            i = readString(line, keyStart, key);
            int valueStart = line.indexOf('"', line.indexOf(':', i));
            StringBuilder value = new StringBuilder();
            i = readString(line, valueStart, value);
            values.put(key.toString(), value.toString());
        }
    }

    private static int readString(String line, int quote, StringBuilder out) {
        int i = quote + 1;
        while (line.charAt(i) != '"') {
            char c = line.charAt(i++);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = line.charAt(i++);
            switch (escaped) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'u' -> {
                    out.append((char) Integer.parseInt(line.substring(i, i + 4), 16));
                    i += 4;
                }
                default -> out.append(escaped); // \" \\ \/
            }
        }
        return i + 1;
    }
}
