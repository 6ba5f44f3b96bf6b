package dev.backstop.helpdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.backstop.helpdesk.testsupport.SharedH2Context;
import dev.backstop.helpdesk.testsupport.SharedPostgresContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The knowledge base as its readers and editors use it through the API, on H2 and on a real PostgreSQL. */
class KnowledgeApiTests {

    abstract static class Scenarios {

        @Autowired
        MockMvc mvc;

        /** A word no demo article contains, so that each test sees only its own articles. */
        final String marker = "zq"
                + java.util.concurrent.ThreadLocalRandom.current()
                        .ints(8, 'a', 'z' + 1)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);

        long create(String user, String audience, String title, String body, String state) throws Exception {
            String response = mvc.perform(post("/api/v1/kb/articles")
                            .with(httpBasic(user, "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                    {"title":"%s","body":"%s","language":"zh","audience":"%s","category":"leave",
                                     "tags":["年假"],"state":"%s"}""".formatted(title, body, audience, state)))
                    .andExpect(status().isCreated())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            return ((Number) JsonPath.read(response, "$.id")).longValue();
        }

        String search(String user, String q) throws Exception {
            return mvc.perform(get("/api/v1/kb/search").param("q", q).with(httpBasic(user, "demo")))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
        }

        List<Integer> ids(String user, String q) throws Exception {
            return JsonPath.read(search(user, q), "$.hits[*].id");
        }

        void awaitFound(String user, String q, long id) {
            // "searchable within a second": allow the poll a little slack on a busy 2-core CI machine
            Awaitility.await()
                    .atMost(Duration.ofSeconds(3))
                    .pollInterval(Duration.ofMillis(50))
                    .untilAsserted(() -> assertThat(ids(user, q)).contains((int) id));
        }

        @Test
        void anEditorPublishesAnArticleAndAReaderFindsItRightAway() throws Exception {
            long id = create("editor", "EMPLOYEES", "年休假怎么休 " + marker, "职工连续工作满12个月以上的，享受带薪年休假。", "PUBLISHED");

            awaitFound("employee", marker, id);
            String result = search("employee", "年休假怎么休 " + marker);
            assertThat(JsonPath.<Integer>read(result, "$.hits[0].id")).isEqualTo((int) id);
            assertThat(JsonPath.<String>read(result, "$.hits[0].snippet")).contains("<mark>");
            assertThat(JsonPath.<Integer>read(result, "$.total")).isGreaterThanOrEqualTo(1);
            assertThat(JsonPath.<Map<String, Object>>read(result, "$.facets"))
                    .containsKeys("category", "audience", "language");
        }

        @Test
        void expertsAndAdminsMayWriteButAgentsAndPortalUsersMayNot() throws Exception {
            create("expert", "EXPERTS", "专家文章 " + marker, "内容", "DRAFT");
            create("admin", "HR_INTERNAL", "管理员文章 " + marker, "内容", "DRAFT");
            for (String user : List.of("agent", "frontline", "hr", "distributor", "family", "employee")) {
                mvc.perform(
                                post("/api/v1/kb/articles")
                                        .with(httpBasic(user, "demo"))
                                        .contentType(MediaType.APPLICATION_JSON)
                                        .content(
                                                "{\"title\":\"x\",\"body\":\"y\",\"language\":\"zh\",\"audience\":\"FRONTLINE\",\"category\":\"faq\"}"))
                        .andExpect(status().isForbidden());
            }
            mvc.perform(
                            post("/api/v1/kb/articles")
                                    .with(httpBasic("expert", "demo"))
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .content(
                                            "{\"title\":\"x\",\"body\":\"y\",\"language\":\"zh\",\"audience\":\"HR_INTERNAL\",\"category\":\"faq\"}"))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value("knowledge.error.audienceNotAllowed"));
        }

        @Test
        void badInputIsRefusedWithAMessageInTheCallersLanguage() throws Exception {
            mvc.perform(
                            post("/api/v1/kb/articles")
                                    .with(httpBasic("editor", "demo"))
                                    .header("Accept-Language", "zh-CN")
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .content(
                                            "{\"title\":\" \",\"body\":\"y\",\"language\":\"zh\",\"audience\":\"FRONTLINE\",\"category\":\"faq\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("knowledge.error.titleRequired"))
                    .andExpect(jsonPath("$.detail").value("文章需要标题。"));
            mvc.perform(
                            post("/api/v1/kb/articles")
                                    .with(httpBasic("editor", "demo"))
                                    .header("Accept-Language", "en")
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .content(
                                            "{\"title\":\"t\",\"body\":\"y\",\"language\":\"fr\",\"audience\":\"PUBLIC\",\"category\":\"faq\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("knowledge.error.audience"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("PUBLIC")));
            mvc.perform(get("/api/v1/kb/search").param("q", "x".repeat(201)).with(httpBasic("agent", "demo")))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("knowledge.error.queryTooLong"));
        }

        @Test
        void portalReadersNeverSeeInternalArticlesInResultsCountsFacetsSuggestionsOrSnippets() throws Exception {
            long internal =
                    create("editor", "HR_INTERNAL", marker + " 年休假审批内部口径", "内部机密：" + marker + " 审批须核对档案。", "PUBLISHED");
            long frontline =
                    create("editor", "FRONTLINE", marker + " 年休假一线口径", "一线机密：" + marker + " 先核实身份。", "PUBLISHED");
            long employees =
                    create("editor", "EMPLOYEES", marker + " 年休假天数", "员工可见：" + marker + " 满1年5天。", "PUBLISHED");
            long distributors =
                    create("editor", "DISTRIBUTORS", marker + " 经销商返利", "经销商可见：" + marker + " 季度返利。", "PUBLISHED");
            awaitFound("admin", marker, internal);
            awaitFound("admin", marker, distributors);

            for (String reader : List.of("family", "employee")) {
                String result = search(reader, marker);
                assertThat(JsonPath.<List<Integer>>read(result, "$.hits[*].id")).containsExactly((int) employees);
                assertThat(JsonPath.<Integer>read(result, "$.total")).isEqualTo(1);
                assertThat(JsonPath.<Boolean>read(result, "$.totalExact")).isTrue();
                assertThat(JsonPath.<Map<String, Object>>read(result, "$.facets.audience"))
                        .containsOnlyKeys("EMPLOYEES");
                assertThat(result).doesNotContain("内部机密", "一线机密", "经销商可见");
                String suggestions = mvc.perform(
                                get("/api/v1/kb/suggest").param("q", marker).with(httpBasic(reader, "demo")))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString();
                assertThat(JsonPath.<List<Integer>>read(suggestions, "$[*].id")).containsExactly((int) employees);
                mvc.perform(get("/api/v1/kb/articles/" + internal).with(httpBasic(reader, "demo")))
                        .andExpect(status().isNotFound());
                String similar = mvc.perform(get("/api/v1/kb/articles/" + employees + "/similar")
                                .with(httpBasic(reader, "demo")))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString();
                assertThat(JsonPath.<List<Integer>>read(similar, "$[*].id"))
                        .doesNotContain((int) internal, (int) frontline, (int) distributors);
            }
            assertThat(ids("distributor", marker)).containsExactly((int) distributors);
            mvc.perform(get("/api/v1/kb/articles/" + frontline).with(httpBasic("distributor", "demo")))
                    .andExpect(status().isNotFound());
            assertThat(ids("hr", marker))
                    .as("HR sees the HR desk's articles")
                    .contains((int) internal, (int) employees)
                    .doesNotContain((int) distributors);
            assertThat(ids("expert", marker))
                    .contains((int) frontline, (int) employees, (int) distributors)
                    .doesNotContain((int) internal);
        }

        @Test
        void onlyPublishedArticlesAreFoundAndArchivingRemovesThem() throws Exception {
            long id = create("editor", "FRONTLINE", "发票红冲流程 " + marker, "开具红字发票需先提交红字信息表。", "DRAFT");
            assertThat(ids("agent", marker)).doesNotContain((int) id);
            mvc.perform(get("/api/v1/kb/articles/" + id).with(httpBasic("agent", "demo")))
                    .andExpect(status().isNotFound());

            mvc.perform(post("/api/v1/kb/articles/" + id + "/state")
                            .with(httpBasic("editor", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"state\":\"IN_REVIEW\"}"))
                    .andExpect(status().isOk());
            mvc.perform(post("/api/v1/kb/articles/" + id + "/state")
                            .with(httpBasic("editor", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"state\":\"PUBLISHED\"}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.state").value("PUBLISHED"));
            awaitFound("agent", marker, id);

            mvc.perform(post("/api/v1/kb/articles/" + id + "/state")
                            .with(httpBasic("editor", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"state\":\"IN_REVIEW\"}"))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("knowledge.error.transition"));
            mvc.perform(post("/api/v1/kb/articles/" + id + "/state")
                            .with(httpBasic("editor", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"state\":\"ARCHIVED\"}"))
                    .andExpect(status().isOk());
            Awaitility.await()
                    .atMost(Duration.ofSeconds(3))
                    .untilAsserted(() -> assertThat(ids("agent", marker)).isEmpty());
        }

        @Test
        void everySaveIsAVersionAndAStaleEditIsRefused() throws Exception {
            long id = create("editor", "FRONTLINE", "退货口径 " + marker, "30天内可退。", "PUBLISHED");
            String edit = """
                    {"title":"退货口径 %s","body":"质量问题30天内可退，非质量问题7天内可退。","language":"zh","audience":"FRONTLINE",
                     "category":"returns","version":%d}""";
            mvc.perform(put("/api/v1/kb/articles/" + id)
                            .with(httpBasic("expert", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(edit.formatted(marker, 1)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.version").value(2));
            mvc.perform(put("/api/v1/kb/articles/" + id)
                            .with(httpBasic("editor", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(edit.formatted(marker, 1)))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("knowledge.error.changedConcurrently"));
            mvc.perform(get("/api/v1/kb/articles/" + id + "/versions").with(httpBasic("editor", "demo")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.length()").value(2))
                    .andExpect(jsonPath("$[0].body").value("质量问题30天内可退，非质量问题7天内可退。"))
                    .andExpect(jsonPath("$[1].body").value("30天内可退。"));
            Awaitility.await()
                    .atMost(Duration.ofSeconds(3))
                    .untilAsserted(
                            () -> assertThat(search("agent", marker + " 非质量问题")).contains("非质量问题"));
        }

        @Test
        void aReaderVotesOnceAndMayChangeTheVote() throws Exception {
            long id = create("editor", "EMPLOYEES", "公积金提取 " + marker, "租房可以提取公积金。", "PUBLISHED");
            vote("employee", id, true).andExpect(jsonPath("$.helpful").value(1));
            vote("employee", id, true).andExpect(jsonPath("$.helpful").value(1));
            vote("family", id, true).andExpect(jsonPath("$.helpful").value(2));
            vote("employee", id, false)
                    .andExpect(jsonPath("$.helpful").value(1))
                    .andExpect(jsonPath("$.notHelpful").value(1));
            vote("distributor", id, true).andExpect(status().isNotFound());
        }

        private org.springframework.test.web.servlet.ResultActions vote(String user, long id, boolean helpful)
                throws Exception {
            return mvc.perform(post("/api/v1/kb/articles/" + id + "/votes")
                    .with(httpBasic(user, "demo"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"helpful\":" + helpful + "}"));
        }

        @Test
        void searchesThatFindNothingAreKnowledgeGapsForEditors() throws Exception {
            String question = "xylophonequux " + marker;
            assertThat(JsonPath.<Integer>read(search("agent", question), "$.total"))
                    .isZero();
            search("frontline", question);
            String gaps = mvc.perform(get("/api/v1/kb/gaps").with(httpBasic("editor", "demo")))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(JsonPath.<List<Integer>>read(gaps, "$[?(@.query == '" + question + "')].times"))
                    .containsExactly(2);
            mvc.perform(get("/api/v1/kb/gaps").with(httpBasic("agent", "demo"))).andExpect(status().isForbidden());
        }

        @Test
        void anAdminsSynonymsApplyToTheNextSearches() throws Exception {
            long id = create("editor", "FRONTLINE", "工作服申领 " + marker, "新员工入职领取两套工作服。", "PUBLISHED");
            awaitFound("agent", marker, id);
            String before = mvc.perform(get("/api/v1/admin/kb/synonyms").with(httpBasic("admin", "demo")))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(JsonPath.<String>read(before, "$.text")).contains("公积金, 住房公积金");
            mvc.perform(put("/api/v1/admin/kb/synonyms")
                            .with(httpBasic("admin", "demo"))
                            .header("Accept-Language", "zh-CN")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"text\":\"公积金, 住房公积金\\n工衣\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value("同义词第 2 行至少需要两个不同的词：“工衣”。"));
            assertThat(ids("agent", "工衣")).doesNotContain((int) id);

            String text = JsonPath.<String>read(before, "$.text") + "\n工衣, 工作服\n";
            mvc.perform(put("/api/v1/admin/kb/synonyms")
                            .with(httpBasic("admin", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(com.jayway.jsonpath.JsonPath.parse(Map.of("text", text))
                                    .jsonString()))
                    .andExpect(status().isOk());
            Awaitility.await()
                    .atMost(Duration.ofSeconds(3))
                    .untilAsserted(() -> assertThat(ids("agent", "工衣")).contains((int) id));
            mvc.perform(put("/api/v1/admin/kb/synonyms")
                            .with(httpBasic("editor", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"text\":\"a, b\"}"))
                    .andExpect(status().isForbidden());
        }

        @Test
        void theDemoKnowledgeBaseAnswersEmployeesInTheirOwnWords() throws Exception {
            String result = search("employee", "年假有几天");
            assertThat(JsonPath.<Integer>read(result, "$.total")).isGreaterThan(0);
            assertThat(JsonPath.<List<String>>read(result, "$.hits[*].title"))
                    .as("the regulation says 年休假, people say 年假")
                    .contains("职工带薪年休假条例 第三条");
            mvc.perform(post("/api/v1/admin/kb/reindex").with(httpBasic("admin", "demo")))
                    .andExpect(status().isAccepted())
                    .andExpect(jsonPath("$.articles").value(org.hamcrest.Matchers.greaterThan(900)));
            assertThat(JsonPath.<Integer>read(search("employee", "加班费怎么算"), "$.total"))
                    .as("searching goes on during a rebuild")
                    .isGreaterThan(0);
        }
    }

    @Nested
    @SharedH2Context
    class OnH2 extends Scenarios {}

    @Nested
    @SharedPostgresContext
    class OnPostgres extends Scenarios {}
}
