package dev.backstop.helpdesk.hr.internal;

import dev.backstop.helpdesk.hr.internal.HrRecords.ItemKind;
import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.knowledge.KnowledgeArticles;
import dev.backstop.helpdesk.knowledge.KnowledgeSearch;
import dev.backstop.helpdesk.shared.BackstopException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The knowledge-base answer that explains each payslip item (income tax → cumulative withholding …), through the
 * knowledge module's published API and within the reader's audiences: the article linked to the item code in
 * {@code hr_payslip_item_kinds.article_id}, else the best answer to the item's {@code kb_query}. Called outside the read's
 * transaction (the search index, not the HR tables).
 */
@Component
public class ItemAnswers {

    private final KnowledgeArticles articles;
    private final KnowledgeSearch search;
    private final HrRecords records;

    ItemAnswers(KnowledgeArticles articles, KnowledgeSearch search, HrRecords records) {
        this.articles = articles;
        this.search = search;
        this.records = records;
    }

    public record Answer(long articleId, String title) {}

    public Map<String, ItemKind> kinds() {
        return records.itemKinds();
    }

    /** Item code → its answer, for the codes given (codes without one are left out). */
    public Map<String, Answer> answers(Collection<String> codes, CurrentUser reader) {
        Map<String, ItemKind> kinds = records.itemKinds();
        Map<String, Answer> answers = new LinkedHashMap<>();
        for (String code : codes) {
            ItemKind kind = kinds.get(code);
            if (kind == null) {
                continue;
            }
            Answer answer = null;
            if (kind.articleId() != null) {
                try {
                    var article = articles.read(kind.articleId(), reader, false);
                    answer = new Answer(article.id(), article.title());
                } catch (BackstopException unreadable) {
                    answer = null;
                }
            }
            if (answer == null && kind.kbQuery() != null) {
                answer = search.answersFor(reader, kind.kbQuery(), 1).stream()
                        .findFirst()
                        .map(hit -> new Answer(hit.id(), hit.title()))
                        .orElse(null);
            }
            if (answer != null) {
                answers.put(code, answer);
            }
        }
        return answers;
    }

    /** The best answers to a question (e.g. the 年休假 rules beside the leave balances). */
    public java.util.List<Answer> about(String query, CurrentUser reader, int limit) {
        return search.answersFor(reader, query, limit).stream()
                .map(hit -> new Answer(hit.id(), hit.title()))
                .toList();
    }
}
