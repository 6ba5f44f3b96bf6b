package dev.backstop.helpdesk.demo;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.knowledge.ArticleInput;
import dev.backstop.helpdesk.knowledge.ArticleState;
import dev.backstop.helpdesk.knowledge.Audience;
import dev.backstop.helpdesk.knowledge.KnowledgeArticles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The demo knowledge base: the 930 articles of the shared HR-law corpus (real Chinese labour, social-insurance and
 * tax law, for employees and families) and the desk's own "unified answers" (统一口径) for every audience.
 */
final class DemoArticles {

    private final KnowledgeArticles articles;
    private final ObjectMapper json;

    DemoArticles(KnowledgeArticles articles, ObjectMapper json) {
        this.articles = articles;
        this.json = json;
    }

    int load(CurrentUser editor) {
        List<ArticleInput> inputs = new ArrayList<>();
        for (JsonNode law : read("/kb/hr-law.jsonl")) {
            List<String> tags = new ArrayList<>(List.of(law.path("law").asString()));
            if (!law.path("chapter").asString("").isBlank()) {
                tags.add(law.path("chapter").asString());
            }
            inputs.add(new ArticleInput(
                    law.path("title").asString(),
                    law.path("body").asString(),
                    "zh",
                    Audience.EMPLOYEES,
                    "law",
                    "HR",
                    tags,
                    ArticleState.PUBLISHED,
                    null));
        }
        for (JsonNode answer : read("/kb/unified-answers.jsonl")) {
            List<String> tags = new ArrayList<>();
            answer.path("tags").forEach(tag -> tags.add(tag.asString()));
            inputs.add(new ArticleInput(
                    answer.path("title").asString(),
                    answer.path("body").asString(),
                    answer.path("language").asString("zh"),
                    Audience.valueOf(answer.path("audience").asString()),
                    answer.path("category").asString(),
                    answer.path("desk").asString(null),
                    tags,
                    ArticleState.PUBLISHED,
                    null));
        }
        return articles.createAll(inputs, editor);
    }

    private List<JsonNode> read(String resource) {
        List<JsonNode> nodes = new ArrayList<>();
        try (InputStream in = DemoArticles.class.getResourceAsStream(resource)) {
            if (in == null) {
                return nodes;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    nodes.add(json.readTree(line));
                }
            }
            return nodes;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
