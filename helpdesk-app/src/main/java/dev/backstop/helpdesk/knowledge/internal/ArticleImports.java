package dev.backstop.helpdesk.knowledge.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.imports.DeclaredImport;
import dev.backstop.helpdesk.imports.ImportKind;
import dev.backstop.helpdesk.imports.ImportScope;
import dev.backstop.helpdesk.imports.RowOutcome;
import dev.backstop.helpdesk.knowledge.ArticleInput;
import dev.backstop.helpdesk.knowledge.ArticleState;
import dev.backstop.helpdesk.knowledge.Audience;
import dev.backstop.helpdesk.shared.BackstopException;
import dev.backstop.imports.Field;
import dev.backstop.imports.FieldType;
import dev.backstop.imports.ParsedRow;
import dev.backstop.imports.RecordSchema;
import dev.backstop.imports.RowError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Bulk loading of knowledge-base articles (e.g. the "mother document" kept in a spreadsheet), upserted by the
 * source's article key. Each changed row is a new version and is searchable on every node as soon as the batch has
 * committed. New articles belong to the first administrator; editors take them over in the editor.
 */
@Component
class ArticleImports extends DeclaredImport {

    private static final Map<String, List<String>> AUDIENCES = Map.of(
            "DISTRIBUTORS",
            List.of("经销商"),
            "FRONTLINE",
            List.of("一线", "一线服务代表"),
            "EXPERTS",
            List.of("专家", "仅限专家"),
            "EMPLOYEES",
            List.of("员工", "员工及家属"),
            "HR_INTERNAL",
            List.of("人事内部", "HR内部"));
    private static final Map<String, List<String>> STATES = Map.of(
            "DRAFT",
            List.of("草稿"),
            "IN_REVIEW",
            List.of("审核中"),
            "PUBLISHED",
            List.of("已发布", "发布"),
            "ARCHIVED",
            List.of("已归档", "归档"));
    private static final RecordSchema SCHEMA = RecordSchema.builder()
            .field(Field.text("article_key", "文章编号", "Article Key", "key")
                    .required()
                    .maxLength(64))
            .field(Field.text("title", "标题", "Title").required().maxLength(ArticleService.MAX_TITLE))
            .field(Field.text("body", "正文", "Body").required().maxLength(ArticleService.MAX_BODY))
            .field(Field.text("language", "语言", "Language").required().maxLength(8))
            .field(Field.choice("audience", AUDIENCES, "适用对象", "Audience").required())
            .field(Field.text("category", "分类", "Category").required().maxLength(64))
            .field(Field.text("desk", "坐席", "Desk").maxLength(16))
            .field(Field.text("tags", "标签", "Tags").maxLength(500))
            .field(Field.choice("state", STATES, "状态", "State"))
            .field(Field.of("review_by", FieldType.DATE, "复核日期", "Review By"))
            .key("article_key")
            .build();

    private static final ImportKind KIND = ImportKind.of("kb-articles", "knowledge.import.articles", SCHEMA)
            .importers(Role.ADMIN, Role.KB_EDITOR)
            .sample(
                    "KB-HR-001",
                    "年假怎么算",
                    "- 工作满1年不满10年：**5天**\n- 满10年不满20年：**10天**\n- 满20年：**15天**",
                    "zh",
                    "员工及家属",
                    "leave",
                    "HR",
                    "年假;年休假",
                    "已发布",
                    "2027-06-30")
            .sample(
                    "KB-CH-001",
                    "Quarterly rebate for key distributors",
                    "Key distributors get 2% of the quarter's paid net sales, credited in the first month of the next "
                            + "quarter.",
                    "en",
                    "DISTRIBUTORS",
                    "rebate",
                    "CHANNEL",
                    "rebate",
                    "PUBLISHED",
                    "")
            .build();

    private final ArticleService articles;
    private final JdbcTemplate jdbc;

    ArticleImports(ArticleService articles, JdbcTemplate jdbc) {
        super(KIND);
        this.articles = articles;
        this.jdbc = jdbc;
    }

    @Override
    public List<RowOutcome> upsert(List<ParsedRow> rows) {
        CurrentUser importer = importer();
        List<RowOutcome> outcomes = new ArrayList<>(rows.size());
        for (ParsedRow row : rows) {
            List<String> tags = row.text("tags") == null
                    ? List.of()
                    : Arrays.stream(row.text("tags").split("[;；、,，|]"))
                            .map(String::strip)
                            .filter(t -> !t.isEmpty())
                            .toList();
            ArticleInput input = new ArticleInput(
                    row.text("title"),
                    row.text("body"),
                    row.text("language"),
                    Audience.valueOf(row.text("audience")),
                    row.text("category"),
                    row.text("desk"),
                    tags,
                    row.text("state") == null ? ArticleState.PUBLISHED : ArticleState.valueOf(row.text("state")),
                    row.date("review_by"));
            try {
                outcomes.add(RowOutcome.of(articles.upsertImported(
                        row.text("article_key"), input, importer, field -> ImportScope.gives(row, field))));
            } catch (BackstopException refused) {
                outcomes.add(RowOutcome.rejected(new RowError(
                        row.line(),
                        null,
                        null,
                        refused.code(),
                        Arrays.stream(refused.arguments()).map(String::valueOf).toList())));
            }
        }
        return outcomes;
    }

    private CurrentUser importer() {
        long admin = jdbc.queryForObject("""
                select min(u.id) from app_users u join user_roles r on r.user_id = u.id where r.role = 'ADMIN'""", Long.class);
        return new CurrentUser(admin, "import", "import", Set.of(Role.ADMIN), null, null, null, null);
    }
}
