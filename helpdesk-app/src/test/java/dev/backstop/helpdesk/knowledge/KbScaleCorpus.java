package dev.backstop.helpdesk.knowledge;

import dev.backstop.kb.KbDocument;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generated corpus and query mix of {@link KbScaleBenchmark}. Articles are recombined from the sentences and
 * clauses of the real HR-law corpus (930 articles of PRC labour and social-insurance law) plus distributor-policy
 * and service-desk sentences built from templates; about 10% are English. Everything is a pure function of the
 * seed and the article number, so the same N gives the same corpus on every machine.
 *
 * <p>The corpus is written once to a file in PostgreSQL's COPY text format (id, title, body, language, audience,
 * category, tags); the Lucene side reads the same file, so both engines index exactly the same text.
 */
final class KbScaleCorpus {

    /** Bumped whenever the generator changes, so a cached corpus file of an older generator is not reused. */
    static final int GENERATOR_VERSION = 1;

    static final String[] AUDIENCES = {"DISTRIBUTORS", "FRONTLINE", "EXPERTS", "EMPLOYEES", "HR_INTERNAL"};
    private static final double[] AUDIENCE_WEIGHTS = {0.22, 0.25, 0.10, 0.28, 0.15};

    /** A category: its code, Chinese keywords (colloquial and formal) and English keywords. */
    record Category(String code, boolean hr, String[] zh, String[] en) {}

    static final Category[] CATEGORIES = {
        new Category(
                "WAGES",
                true,
                words("工资 最低工资 工资条 绩效工资 奖金 年终奖 扣工资 拖欠工资 工资支付 计件工资"),
                words("salary|wage|bonus|payslip|minimum wage|year-end bonus")),
        new Category(
                "OVERTIME",
                true,
                words("加班 加班费 OT 调休 值班 周末加班 法定节假日加班 延长工作时间 综合工时"),
                words("overtime|OT|time off in lieu|weekend work|public holiday pay")),
        new Category(
                "LEAVE",
                true,
                words("年假 年休假 带薪年休假 病假 事假 婚假 产假 陪产假 丧假 探亲假"),
                words("annual leave|sick leave|maternity leave|paternity leave|marriage leave")),
        new Category(
                "SOCIAL_INSURANCE",
                true,
                words("社保 五险一金 5险1金 公积金 住房公积金 医保 养老保险 失业保险 断缴 补缴 社保基数"),
                words("social insurance|housing fund|pension|medical insurance|unemployment insurance")),
        new Category(
                "CONTRACT",
                true,
                words("劳动合同 续签 无固定期限 合同到期 竞业限制 保密协议 劳务派遣"),
                words("employment contract|renewal|non-compete|fixed term|dispatch")),
        new Category(
                "PROBATION", true, words("试用期 转正 试用期工资 延长试用期 录用条件"), words("probation|probation period|confirmation")),
        new Category(
                "TERMINATION",
                true,
                words("离职 辞职 辞退 经济补偿 N+1 赔偿金 离职证明 解除劳动合同 裁员"),
                words("resignation|dismissal|severance|notice period|layoff")),
        new Category(
                "INJURY",
                true,
                words("工伤 工伤认定 职业病 伤残等级 医疗期 停工留薪期 工伤保险"),
                words("work injury|occupational disease|injury benefits|disability grade")),
        new Category(
                "WOMEN",
                true,
                words("孕期 产检 哺乳期 三期 女职工 生育津贴 生育保险"),
                words("pregnancy|breastfeeding|maternity allowance|prenatal check")),
        new Category(
                "DISPUTES",
                true,
                words("劳动仲裁 仲裁时效 调解 劳动监察 投诉 举报 劳动争议"),
                words("arbitration|labour dispute|mediation|labour inspection")),
        new Category(
                "DISTRIBUTOR_POLICY",
                false,
                words("经销商 授权 区域保护 窜货 保证金 年度考核 准入 授权书 渠道"),
                words("distributor|authorisation|territory|deposit|annual review")),
        new Category(
                "ORDERS",
                false,
                words("订单 下单 发货 物流 到货 缺货 订单取消 APP下单 发货单 签收"),
                words("order|shipment|delivery|backorder|order cancellation")),
        new Category(
                "REBATES",
                false,
                words("返利 对账 结算 发票 回款 账期 授信额度 返点 对账单"),
                words("rebate|settlement|invoice|credit limit|payment terms")),
        new Category(
                "PRICING",
                false,
                words("价格政策 指导价 促销 最低售价 特价申请 乱价 调价 活动价"),
                words("price policy|promotion|minimum price|price change|special price")),
        new Category(
                "RETURNS",
                false,
                words("退货 换货 质量问题 破损 售后 退款 保修 维修 退换货"),
                words("return|exchange|refund|warranty|damaged goods")),
    };

    private static final String[] ROLES = words("经销商 门店 区域经理 员工 家属 一线客服 专家坐席 HR专员 店长 业务员");
    private static final String[] DOCS = words("申请表 对账单 发票 订单截图 身份证明 劳动合同 工资条 照片 授权书 银行流水");
    private static final String[] DEPTS = words("渠道管理部 财务部 人力资源部 法务部 物流中心 客服中心 区域办事处 专家组");
    private static final String[] PERIODS = words("月度 季度 半年度 年度");
    private static final String[] TITLE_SUFFIXES =
            words("怎么算 常见问题 办理流程 标准说明 政策解读 申请指南 注意事项 统一口径 计算方法 答疑 处理规范 操作说明 适用范围");
    private static final String[] TITLE_PREFIXES = words("经销商 员工 门店 家属 一线 新员工 外地员工 区域 总部 客服");
    private static final String[] ZH_TEMPLATES = {
        "{role}申请{k}时，须在{n}个工作日内提交{doc}。",
        "{k}按{period}结算，{k2}以系统记录为准。",
        "对于{k}问题，请先核对{doc}，再联系{dept}处理。",
        "超过{n}天未处理的{k}，系统将自动转交{dept}。",
        "{role}如对{k}有异议，可在{n}日内向{dept}提出书面申诉。",
        "{k}标准自{year}年{m}月1日起执行，原{k2}规定同时废止。",
        "特殊情况下的{k}，需经{dept}审批后方可办理。",
        "一线客服回答{k}问题时，请统一口径，引用本条说明，不要自行解释。",
        "{k}与{k2}不能同时享受，以金额较高者为准。",
        "请勿向客户承诺{k}的具体时间，以{dept}通知为准。",
        "很多{role}问{k}怎么算，答复时先确认{k2}，再按本条标准计算。",
        "{role}咨询{k}时，如涉及{k2}，请转{dept}跟进。",
        "{k}的金额以{doc}为准，{role}可在系统中自助查询。",
        "如{k}逾期未到账，{role}可拨打服务热线或在APP提交工单。",
    };
    private static final String[] EN_TEMPLATES = {
        "{K} requests must be submitted within {n} working days with the {doc}.",
        "The {k} is calculated on the basis of the {k2} recorded in the system.",
        "A {role} who disagrees with the {k} may appeal in writing within {n} days.",
        "Front-line agents should quote this article when answering questions about {k}.",
        "Please do not promise a {k} date to the customer; wait for the notice from the {dept}.",
        "{K} and {k2} cannot be combined; the higher amount applies.",
        "A {k} case older than {n} days is escalated to the {dept} automatically.",
        "Employees are entitled to {n} days of annual leave after {y} years of service.",
        "Overtime on public holidays is paid at 300% of the daily wage, on rest days at 200% unless time off is given.",
        "Social insurance and the housing fund are paid every month by both the employer and the employee.",
        "The {dept} reviews every {k} request within {n} working days and answers in writing.",
        "If the {k} has not arrived after {n} days, the {role} can open a ticket in the app.",
        "This rule on {k} applies from {m}/1/{year} and replaces the previous {k2} policy.",
    };
    private static final String[] EN_ROLES = {
        "distributor", "store", "regional manager", "employee", "family member", "front-line agent", "expert"
    };
    private static final String[] EN_DOCS = {
        "application form", "statement", "invoice", "order screenshot", "payslip", "employment contract", "photos"
    };
    private static final String[] EN_DEPTS = {
        "channel team", "finance team", "HR team", "legal team", "logistics centre", "service desk", "expert desk"
    };
    private static final String[] EN_TITLE_SUFFIXES = {
        "how it works",
        "FAQ",
        "how to apply",
        "the rules",
        "what to tell customers",
        "calculation",
        "process",
        "exceptions"
    };

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[。；！？])|\\n");

    private final List<String> generalSentences = new ArrayList<>();
    private final List<List<String>> sentencesByCategory = new ArrayList<>();
    private final List<String> clauses = new ArrayList<>();
    private final List<String> lawTitles = new ArrayList<>();
    private final long seed;

    private KbScaleCorpus(long seed) {
        this.seed = seed;
    }

    /** Reads the HR-law articles (JSON lines with {@code title} and {@code body}) and cuts them into sentences and clauses. */
    static KbScaleCorpus fromHrLaw(Path jsonLines, long seed) throws IOException {
        KbScaleCorpus corpus = new KbScaleCorpus(seed);
        for (int i = 0; i < CATEGORIES.length; i++) {
            corpus.sentencesByCategory.add(new ArrayList<>());
        }
        JsonMapper json = JsonMapper.builder().build();
        for (String line : Files.readAllLines(jsonLines, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode article = json.readTree(line);
            corpus.lawTitles.add(article.path("title").asString());
            for (String sentence : SENTENCE_END.split(article.path("body").asString())) {
                sentence = sentence.strip();
                if (sentence.length() < 8 || sentence.length() > 160) {
                    continue;
                }
                corpus.generalSentences.add(sentence);
                for (int c = 0; c < CATEGORIES.length; c++) {
                    if (CATEGORIES[c].hr() && Arrays.stream(CATEGORIES[c].zh()).anyMatch(sentence::contains)) {
                        corpus.sentencesByCategory.get(c).add(sentence);
                    }
                }
                for (String clause : sentence.split("[，；。！？]")) {
                    if (clause.length() >= 4 && clause.length() <= 40) {
                        corpus.clauses.add(clause.strip());
                    }
                }
            }
        }
        if (corpus.generalSentences.isEmpty()) {
            throw new IllegalStateException("no sentences in " + jsonLines);
        }
        return corpus;
    }

    String describe() {
        return "%d law sentences, %d clauses, %d law titles"
                .formatted(generalSentences.size(), clauses.size(), lawTitles.size());
    }

    /** The one place a {@link KbDocument} is built from the generated fields. */
    static KbDocument document(
            String id,
            String title,
            String body,
            String language,
            String audience,
            String category,
            List<String> tags) {
        return new KbDocument(id, title, body, language, audience, category, tags);
    }

    /** Article number {@code n}: deterministic in (seed, n). */
    KbDocument article(int n) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + n);
        int c = random.nextInt(CATEGORIES.length);
        Category category = CATEGORIES[c];
        String audience = AUDIENCES[weighted(random, AUDIENCE_WEIGHTS)];
        boolean english = random.nextDouble() < 0.10;
        List<String> tags = new ArrayList<>();
        int tagCount = 1 + random.nextInt(3);
        for (int i = 0; i < tagCount; i++) {
            String tag = english ? pick(random, category.en()) : pick(random, category.zh());
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        String id = "KB-%07d".formatted(n);
        if (english) {
            return document(
                    id,
                    englishTitle(random, category),
                    englishBody(random, category),
                    "en",
                    audience,
                    category.code(),
                    tags);
        }
        return document(
                id, chineseTitle(random, category), chineseBody(random, c), "zh", audience, category.code(), tags);
    }

    private String chineseTitle(SplittableRandom random, Category category) {
        String title;
        double u = random.nextDouble();
        if (u < 0.15) {
            String law = pick(random, lawTitles);
            title = law.replace("中华人民共和国", "") + "解读";
        } else if (u < 0.45) {
            title = pick(random, TITLE_PREFIXES) + pick(random, category.zh()) + pick(random, TITLE_SUFFIXES);
        } else if (u < 0.65) {
            title = pick(random, category.zh()) + "与" + pick(random, category.zh()) + pick(random, TITLE_SUFFIXES);
        } else {
            title = pick(random, category.zh()) + pick(random, TITLE_SUFFIXES);
        }
        if (title.length() < 8) {
            title = title + "（" + (2019 + random.nextInt(7)) + "年版）";
        }
        return title.length() > 25 ? title.substring(0, 25) : title;
    }

    private String chineseBody(SplittableRandom random, int c) {
        int target = 200 + random.nextInt(401);
        StringBuilder body = new StringBuilder(target + 160);
        List<String> own = sentencesByCategory.get(c);
        while (body.length() < target) {
            double u = random.nextDouble();
            String sentence;
            if (u < 0.50) {
                sentence = !own.isEmpty() && random.nextDouble() < 0.6
                        ? pick(random, own)
                        : pick(random, generalSentences);
            } else if (u < 0.85) {
                sentence = fill(random, pick(random, ZH_TEMPLATES), CATEGORIES[c].zh(), ROLES, DOCS, DEPTS);
            } else {
                int parts = 2 + random.nextInt(2);
                StringBuilder joined = new StringBuilder();
                for (int i = 0; i < parts; i++) {
                    joined.append(i == 0 ? "" : "，").append(pick(random, clauses));
                }
                sentence = joined.append("。").toString();
            }
            if (body.length() > 0 && random.nextDouble() < 0.2) {
                body.append('\n');
            }
            body.append(sentence);
        }
        return body.length() > 600 ? cutAtSentence(body.toString(), 600) : body.toString();
    }

    private static String cutAtSentence(String text, int max) {
        int end = Math.max(text.lastIndexOf('。', max - 1), text.lastIndexOf('；', max - 1));
        return end >= 200 ? text.substring(0, end + 1) : text.substring(0, max);
    }

    private static String englishTitle(SplittableRandom random, Category category) {
        String topic = pick(random, category.en());
        String title =
                Character.toUpperCase(topic.charAt(0)) + topic.substring(1) + ": " + pick(random, EN_TITLE_SUFFIXES);
        return title.length() > 40 ? title.substring(0, 40) : title;
    }

    private static String englishBody(SplittableRandom random, Category category) {
        int target = 200 + random.nextInt(401);
        StringBuilder body = new StringBuilder(target + 160);
        while (body.length() < target) {
            if (body.length() > 0) {
                body.append(random.nextDouble() < 0.2 ? "\n" : " ");
            }
            body.append(fill(random, pick(random, EN_TEMPLATES), category.en(), EN_ROLES, EN_DOCS, EN_DEPTS));
        }
        return body.length() > 600 ? body.substring(0, body.lastIndexOf(" ", 599)) : body.toString();
    }

    private static String fill(
            SplittableRandom random,
            String template,
            String[] keywords,
            String[] roles,
            String[] docs,
            String[] depts) {
        String k = pick(random, keywords);
        return template.replace("{K}", Character.toUpperCase(k.charAt(0)) + k.substring(1))
                .replace("{k}", k)
                .replace("{k2}", pick(random, keywords))
                .replace("{role}", pick(random, roles))
                .replace("{doc}", pick(random, docs))
                .replace("{dept}", pick(random, depts))
                .replace("{period}", pick(random, PERIODS))
                .replace("{n}", Integer.toString(3 + random.nextInt(28)))
                .replace("{y}", Integer.toString(1 + random.nextInt(20)))
                .replace("{year}", Integer.toString(2019 + random.nextInt(7)))
                .replace("{m}", Integer.toString(1 + random.nextInt(12)));
    }

    /**
     * Writes articles 0..n-1 in COPY text format, unless a file for the same n, seed and generator exists. Returns
     * the file.
     */
    Path write(Path directory, int n) throws IOException {
        Path file = directory.resolve("corpus-v%d-seed%d-%d.tsv".formatted(GENERATOR_VERSION, seed, n));
        if (Files.exists(file)) {
            return file;
        }
        Files.createDirectories(directory);
        Path partial = directory.resolve(file.getFileName() + ".partial");
        try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                KbDocument d = article(i);
                out.write(String.join(
                        "\t",
                        copyText(d.id()),
                        copyText(d.title()),
                        copyText(d.body()),
                        copyText(d.language()),
                        copyText(d.audience()),
                        copyText(d.category()),
                        copyText(String.join(",", d.tags()))));
                out.write('\n');
            }
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    /** Parses one line of {@link #write}. */
    static KbDocument parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 7) {
            throw new IllegalArgumentException("bad corpus line: " + line);
        }
        String tags = unescape(f[6]);
        return document(
                unescape(f[0]),
                unescape(f[1]),
                unescape(f[2]),
                unescape(f[3]),
                unescape(f[4]),
                unescape(f[5]),
                tags.isEmpty() ? List.of() : List.of(tags.split(",")));
    }

    private static String copyText(String value) {
        return value.replace("\\", "\\\\")
                .replace("\t", "\\t")
                .replace("\n", "\\n")
                .replace("\r", "\\r");
    }

    private static String unescape(String value) {
        if (value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                out.append(
                        switch (next) {
                            case 't' -> '\t';
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            default -> next;
                        });
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- queries

    /** Who is asking, and the audiences the app lets them see. */
    record Asker(String name, Set<String> audiences) {}

    static final Asker[] ASKERS = {
        new Asker("employee or family", Set.of("EMPLOYEES")),
        new Asker("distributor", Set.of("DISTRIBUTORS")),
        new Asker("front-line rep", Set.of("FRONTLINE", "DISTRIBUTORS", "EMPLOYEES")),
        new Asker("expert", Set.of("EXPERTS", "FRONTLINE", "DISTRIBUTORS", "EMPLOYEES")),
        new Asker("HR agent", Set.of("HR_INTERNAL", "EXPERTS", "FRONTLINE", "DISTRIBUTORS", "EMPLOYEES")),
    };

    /** A query of the mix: the text as typed and who types it. */
    record Query(String text, Asker asker) {}

    private static final String[] HANDWRITTEN = {
        // Chinese, the way people type it
        "OT 加班费怎么算",
        "公积金 断缴 影响 贷款吗",
        "年假 几天",
        "年假怎么算",
        "试用期 辞退 赔偿",
        "试用期可以随时辞职吗",
        "加班费 周末",
        "法定节假日加班 三倍工资",
        "病假 工资 怎么发",
        "产假 多少天",
        "陪产假",
        "婚假 几天",
        "离职 经济补偿 N+1",
        "辞退 赔偿金 标准",
        "劳动合同 到期 不续签 补偿",
        "无固定期限 劳动合同 条件",
        "社保 断缴 怎么办",
        "五险一金 比例",
        "补缴 社保",
        "工伤 认定 流程",
        "工伤 赔偿 标准",
        "职业病 鉴定",
        "最低工资 标准",
        "拖欠工资 投诉",
        "工资条 看不懂",
        "年终奖 离职 还有吗",
        "竞业限制 补偿金",
        "劳动仲裁 时效",
        "劳动仲裁 怎么申请",
        "哺乳期 辞退",
        "孕期 产检 请假",
        "生育津贴 怎么领",
        "医疗期 多久",
        "调休 过期",
        "值班 算加班吗",
        "综合工时 加班",
        "事假 扣工资",
        "丧假 几天",
        "经销商 返利 什么时候 到账",
        "返利 对账 不一致",
        "授信额度 怎么提高",
        "保证金 退还",
        "窜货 处罚",
        "区域保护 政策",
        "订单 取消",
        "发货 延迟 怎么办",
        "缺货 多久 到货",
        "物流 签收 破损",
        "退货 流程",
        "换货 质量问题",
        "退款 多久 到账",
        "保修 期限",
        "价格政策 调整",
        "最低售价 乱价 处罚",
        "特价申请 审批",
        "促销 活动价",
        "发票 开错了",
        "对账单 下载",
        "回款 账期",
        "授权书 过期",
        "年度考核 不合格",
        "经销商 准入 条件",
        "门店 下单 失败",
        "劳务派遣 同工同酬",
        "离职证明 不给开",
        "裁员 补偿",
        "延长试用期 合法吗",
        "试用期工资 打折",
        "住房公积金 提取",
        "失业保险 领取条件",
        "养老保险 缴满15年",
        // mixed Chinese and Latin
        "OT加班费",
        "5险1金",
        "APP下单 失败",
        "N+1 怎么算",
        "KPI 奖金 扣",
        "VIP 经销商 授信",
        "HR 电话",
        "OT 调休",
        "APP 退货",
        "POS 对账",
        "SKU 缺货",
        "B2B 订单",
        "500元 罚款 窜货",
        "3倍 工资 国庆",
        "10年 年假",
        // English
        "annual leave after 10 years",
        "how many days of annual leave after 10 years",
        "overtime pay weekend",
        "overtime public holiday",
        "sick leave pay",
        "maternity leave days",
        "paternity leave",
        "probation dismissal",
        "severance pay calculation",
        "resignation notice period",
        "housing fund withdrawal",
        "social insurance missing months",
        "work injury claim",
        "occupational disease",
        "minimum wage",
        "unpaid salary complaint",
        "labour arbitration deadline",
        "non-compete compensation",
        "employment contract renewal",
        "rebate settlement",
        "distributor deposit refund",
        "credit limit increase",
        "order cancellation",
        "late delivery",
        "damaged goods return",
        "refund status",
        "warranty repair",
        "price policy change",
        "minimum price violation",
        "special price request",
        "invoice correction",
        "payment terms",
        "territory protection",
        "annual review distributor",
        "backorder",
        "year-end bonus",
    };
    private static final String[] TAILS = words("怎么算 多少 吗 怎么办 流程 标准 能不能 要多久 规定 问题");
    private static final String[] EN_TAILS = {"rules", "how to", "policy", "calculation", "deadline", "status"};

    /** At least {@code size} distinct queries: the handwritten ones, then seeded combinations of the keywords. */
    static List<Query> queries(int size, long seed) {
        Set<String> texts = new LinkedHashSet<>(Arrays.asList(HANDWRITTEN));
        Random random = new Random(seed);
        while (texts.size() < size) {
            Category category = CATEGORIES[random.nextInt(CATEGORIES.length)];
            double u = random.nextDouble();
            if (u < 0.12) {
                texts.add(category.en()[random.nextInt(category.en().length)] + " "
                        + EN_TAILS[random.nextInt(EN_TAILS.length)]);
            } else {
                int words = 2 + random.nextInt(3);
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < words - 1; i++) {
                    String word = category.zh()[random.nextInt(category.zh().length)];
                    if (!parts.contains(word)) {
                        parts.add(word);
                    }
                }
                parts.add(
                        random.nextDouble() < 0.6
                                ? TAILS[random.nextInt(TAILS.length)]
                                : category.zh()[random.nextInt(category.zh().length)]);
                texts.add(String.join(random.nextDouble() < 0.8 ? " " : "", parts));
            }
        }
        List<Query> queries = new ArrayList<>();
        int i = 0;
        for (String text : texts) {
            queries.add(new Query(text, ASKERS[i++ % ASKERS.length]));
        }
        return queries;
    }

    // ---------------------------------------------------------------- helpers

    private static String[] words(String spaceSeparated) {
        return spaceSeparated.contains("|") ? spaceSeparated.split("\\|") : spaceSeparated.split(" ");
    }

    private static int weighted(SplittableRandom random, double[] weights) {
        double u = random.nextDouble();
        for (int i = 0; i < weights.length - 1; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static <T> T pick(SplittableRandom random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    static void checkReadable(Path file) {
        if (!Files.isReadable(file)) {
            throw new UncheckedIOException(
                    new IOException("HR-law corpus not readable: " + file + " (set -Dkb.corpus=…/hr_articles.jsonl)"));
        }
    }
}
