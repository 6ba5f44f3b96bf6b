package dev.backstop.helpdesk.knowledge;

import dev.backstop.helpdesk.knowledge.KbScaleCorpus.Query;
import dev.backstop.kb.Analysis;
import dev.backstop.kb.KbDocument;
import dev.backstop.kb.KbQuery;
import dev.backstop.kb.KnowledgeBase;
import dev.backstop.kb.SearchResult;
import dev.backstop.kb.Synonyms;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * Knowledge-base search at scale, Lucene (the {@code knowledge-base} library through its public API) beside
 * PostgreSQL full-text + trigram search over the same generated corpus, in one run. Not a test: no assertions on
 * time, and the name does not match the test patterns, so {@code verify} never runs it; {@code benchmarks/kb/scale.sh}
 * does. Results and method: {@code benchmarks/kb/SCALE.md}.
 *
 * <p>Phases: generate the corpus file (cached) → Lucene: index with {@code indexAll} in chunks, commit, measure →
 * PostgreSQL (embedded 17): COPY, build indexes, analyze, measure. Each engine runs alone on the machine while it is
 * measured. Options (system properties): {@code kb.articles} (N, default 20,000), {@code kb.seed},
 * {@code kb.corpus} (hr_articles.jsonl), {@code kb.dir}, {@code kb.chunk}, {@code kb.indexThreads},
 * {@code kb.queries}, {@code kb.rounds}, {@code kb.pgRounds}, {@code kb.pgWarmupQueries}, {@code kb.throughputSeconds},
 * {@code kb.searchThreads}, {@code kb.postgres} (false to skip it), {@code kb.out} (result file).
 */
class KbScaleBenchmark {

    static final int N = Integer.getInteger("kb.articles", 20_000);
    static final long SEED = Long.getLong("kb.seed", 20_260_301L);
    static final Path HR_LAW =
            Path.of(System.getProperty("kb.corpus", "/work/shared/corpora/hr-law/hr_articles.jsonl"));
    static final Path WORK =
            Path.of(System.getProperty("kb.dir", "target/kb-scale")).toAbsolutePath();
    static final int CHUNK = Integer.getInteger("kb.chunk", 10_000);
    static final int INDEX_THREADS = Integer.getInteger("kb.indexThreads", 2);
    static final int QUERIES = Integer.getInteger("kb.queries", 240);
    static final int ROUNDS = Integer.getInteger("kb.rounds", 5);
    /**
     * Rounds over the queries before anything is timed. Two were not enough on 2 cores: the JIT compiler threads were still
     * busy with Lucene's scoring loops, and the first timed pass after a fresh build measured p95 27.6 ms where the next
     * run measured 11.9 ms (SCALE.md). A server that has run for a minute is past that.
     */
    static final int WARMUP_ROUNDS = Integer.getInteger("kb.warmupRounds", 6);

    static final int PG_ROUNDS = Integer.getInteger("kb.pgRounds", 1);
    static final int PG_WARMUP = Integer.getInteger("kb.pgWarmupQueries", Integer.MAX_VALUE);
    /** PostgreSQL's single-thread pass may use every k-th query only (seconds per query at 1M); throughput uses all. */
    static final int PG_QUERIES = Integer.getInteger("kb.pgQueries", Integer.MAX_VALUE);

    static final int SEARCH_THREADS = Integer.getInteger("kb.searchThreads", 2);
    static final Duration THROUGHPUT = Duration.ofSeconds(Long.getLong("kb.throughputSeconds", 30));
    static final boolean POSTGRES = Boolean.parseBoolean(System.getProperty("kb.postgres", "true"));

    /** The synonyms an admin would have set (issue 5's examples); the app searches with them. */
    static final String SYNONYMS = """
            公积金, 住房公积金
            年假, 年休假, 带薪年休假
            OT, 加班
            五险一金, 社保, 5险1金
            辞退, 解除劳动合同
            N+1, 经济补偿
            返利, 返点
            """;

    private final List<String> report = new ArrayList<>();

    @Test
    void luceneBesidePostgres() throws Exception {
        KbScaleCorpus.checkReadable(HR_LAW);
        KbScaleCorpus corpus = KbScaleCorpus.fromHrLaw(HR_LAW, SEED);
        long start = System.nanoTime();
        Path file = corpus.write(WORK, N);
        log(
                "corpus: %s; file %s (%d MB, ready in %.1f s); %s",
                corpus.describe(), file.getFileName(), Files.size(file) >> 20, seconds(start), machine());
        List<Query> queries = KbScaleCorpus.queries(QUERIES, SEED);
        log(
                "queries: %d distinct, e.g. %s",
                queries.size(), queries.stream().limit(6).map(Query::text).toList());

        Result lucene = lucene(file, queries);
        if (lucene.single == null) { // an A/B comparison (kb.ab) reports itself
            return;
        }
        Result postgres = POSTGRES ? postgres(file, queries) : null;

        line("");
        line(
                "| N = %,d | build | size on disk | p50 ms | p95 ms | p99 ms | mean ms | QPS (%d threads) | p95 under load ms | zero-hit queries |"
                        .formatted(N, SEARCH_THREADS));
        line("|---|---|---|---|---|---|---|---|---|---|");
        line(lucene.row());
        if (postgres != null) {
            line(postgres.row());
            line("");
            line("Lucene / PostgreSQL: throughput %.1f×, p50 %.1f× faster, p95 %.1f× faster"
                    .formatted(
                            lucene.qps / postgres.qps,
                            postgres.single.p50 / lucene.single.p50,
                            postgres.single.p95 / lucene.single.p95));
        }
        String out = System.getProperty("kb.out");
        if (out != null) {
            Files.createDirectories(Path.of(out).toAbsolutePath().getParent());
            Files.write(Path.of(out), report, StandardCharsets.UTF_8);
        }
    }

    // ------------------------------------------------------------------------------------------ Lucene

    Result lucene(Path file, List<Query> queries) throws Exception {
        Path indexDir = WORK.resolve("lucene-" + N);
        boolean reuse = Boolean.getBoolean("kb.reuseIndex") && Files.isDirectory(indexDir);
        if (!reuse) {
            deleteTree(indexDir);
        }
        KnowledgeBase kb = KnowledgeBase.open(indexDir, Analysis.chineseAndEnglish());
        try {
            kb.useSynonyms(Synonyms.parse(SYNONYMS));
            double build = Double.NaN;
            if (reuse && kb.count() == N) {
                log(
                        "lucene: reusing the index of %,d articles built by an earlier run (kb.reuseIndex), %s",
                        kb.count(), megabytes(sizeOf(indexDir)));
            } else {
                kb.deleteAll();
                long start = System.nanoTime();
                AtomicLong indexing = new AtomicLong();
                feed(file, kb, indexing);
                long beforeCommit = System.nanoTime();
                kb.commit();
                build = seconds(start);
                log(
                        "lucene: indexed %,d articles in %.1f s (%.0f articles/s; %d feeding threads, chunks of %,d; commit %.1f s), index %s",
                        kb.count(),
                        build,
                        N / build,
                        INDEX_THREADS,
                        CHUNK,
                        seconds(beforeCommit),
                        megabytes(sizeOf(indexDir)));
            }
            long size = sizeOf(indexDir);

            Searcher search = q -> {
                SearchResult result = kb.search(
                        KbQuery.of(q.text()).forAudiences(q.asker().audiences()).page(0, 10));
                return result.hits().size();
            };
            sample(queries, search, 3);
            Stats warm = measureSingle("lucene-warmup", queries, search, WARMUP_ROUNDS, null);
            log("lucene: warm-up done (%s)", warm);
            String ab = System.getProperty("kb.ab");
            if (ab != null) {
                abCompare(ab, queries, kb);
                return new Result("A/B " + ab, 0, size, null, 0, null, 0, queries.size());
            }
            // timed without a profiler: a JFR recording during the timed pass put its p95 at 21-25 ms where the same
            // searches without it measured 14.5 ms (2026-11-23, SCALE.md); the profile is a pass of its own
            Stats single = measureSingle("lucene-timed", queries, search, ROUNDS, null);
            log("lucene: single thread %s", single);
            Path jfr = WORK.resolve("lucene-search.jfr");
            measureSingle("lucene", queries, search, 1, jfr);
            log(
                    "lucene: where single-thread search time goes (JFR execution samples, a separate pass): %s",
                    profile(jfr));
            log("lucene: slowest queries: %s", slowest(queries, search, 12));
            Throughput load = throughput(queries, search);
            log(
                    "lucene: %d threads for %d s: %,d searches = %.0f QPS; latency under load %s",
                    SEARCH_THREADS, THROUGHPUT.toSeconds(), load.count, load.qps, load.latency);
            return new Result(
                    "Lucene (knowledge-base)",
                    build,
                    size,
                    single,
                    load.qps,
                    load.latency,
                    zeroHits(queries, search),
                    queries.size());
        } finally {
            kb.close();
        }
    }

    /** One reader thread parses the corpus file into chunks; {@link #INDEX_THREADS} threads call indexAll. */
    private static void feed(Path file, KnowledgeBase kb, AtomicLong indexingNanos) throws Exception {
        BlockingQueue<List<KbDocument>> chunks = new ArrayBlockingQueue<>(INDEX_THREADS * 2);
        List<KbDocument> poison = List.of();
        ExecutorService indexers = Executors.newFixedThreadPool(INDEX_THREADS);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < INDEX_THREADS; t++) {
            running.add(indexers.submit(() -> {
                while (true) {
                    List<KbDocument> chunk = chunks.take();
                    if (chunk == poison) {
                        return null;
                    }
                    long start = System.nanoTime();
                    kb.indexAll(chunk);
                    indexingNanos.addAndGet(System.nanoTime() - start);
                }
            }));
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<KbDocument> chunk = new ArrayList<>(CHUNK);
            String line;
            while ((line = reader.readLine()) != null) {
                chunk.add(KbScaleCorpus.parse(line));
                if (chunk.size() == CHUNK) {
                    chunks.put(chunk);
                    chunk = new ArrayList<>(CHUNK);
                }
            }
            if (!chunk.isEmpty()) {
                chunks.put(chunk);
            }
        } finally {
            for (int t = 0; t < INDEX_THREADS; t++) {
                chunks.put(poison);
            }
            for (Future<?> done : running) {
                done.get();
            }
            indexers.shutdown();
        }
    }

    /** Which part of the library the single-thread search samples were in (outermost marker wins). */
    private static String profile(Path jfr) throws IOException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String part : List.of(
                "snippets (Snippets/UnifiedHighlighter)",
                "facet counting",
                "query building + analysis",
                "stored fields (id, title)",
                "matching, scoring, collecting (incl. facet hit collection)",
                "other")) {
            counts.put(part, 0L);
        }
        long total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(jfr)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")
                    || event.getThread("sampledThread") == null
                    || !"kb-single-lucene"
                            .equals(event.getThread("sampledThread").getJavaName())
                    || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            String part = "other";
            for (RecordedFrame frame : frames.reversed()) { // outermost first
                String type = frame.getMethod().getType().getName();
                String method = frame.getMethod().getName();
                String found = type.equals("dev.backstop.kb.Snippets")
                        ? "snippets (Snippets/UnifiedHighlighter)"
                        : type.endsWith("SortedSetDocValuesFacetCounts")
                                        || type.endsWith("SortedSetDocValuesReaderState")
                                ? "facet counting"
                                : type.equals("dev.backstop.kb.Queries") || type.equals("dev.backstop.kb.Synonyms")
                                        ? "query building + analysis"
                                        : type.equals("dev.backstop.kb.KnowledgeBase") && method.equals("hits")
                                                ? "stored fields (id, title)"
                                                : type.equals("org.apache.lucene.search.IndexSearcher")
                                                        ? "matching, scoring, collecting (incl. facet hit collection)"
                                                        : null;
                if (found != null) {
                    part = found;
                    break;
                }
            }
            counts.merge(part, 1L, Long::sum);
            total++;
        }
        long all = Math.max(total, 1);
        StringBuilder text = new StringBuilder(total + " samples:");
        counts.forEach((part, count) -> text.append(" %s %.0f%%;".formatted(part, 100.0 * count / all)));
        return text.toString();
    }

    // ------------------------------------------------------------------------------------------ PostgreSQL

    Result postgres(Path file, List<Query> queries) throws Exception {
        Path dataDir = WORK.resolve("pg-data");
        deleteTree(dataDir);
        try (EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setRegisterShutdownHook(false)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(true)
                .setPGStartupWait(Duration.ofMinutes(2))
                .setLocaleConfig("locale", "C.UTF-8")
                .setServerConfig("shared_buffers", "1GB")
                .setServerConfig("work_mem", "64MB")
                .setServerConfig("maintenance_work_mem", "1GB")
                .setServerConfig("max_wal_size", "8GB")
                .setServerConfig("checkpoint_timeout", "30min")
                .setServerConfig("max_parallel_workers_per_gather", "2")
                .setServerConfig("max_parallel_maintenance_workers", "2")
                .setServerConfig("effective_cache_size", "8GB")
                .setServerConfig("random_page_cost", "1.1")
                .setServerConfig("dynamic_shared_memory_type", "mmap")
                .setServerConfig("timezone", "UTC")
                .start()) {
            String url = server.getJdbcUrl("postgres", "postgres");
            double load;
            double build;
            long size;
            try (Connection db = java.sql.DriverManager.getConnection(url);
                    Statement sql = db.createStatement()) {
                sql.execute("create extension pg_trgm");
                log(
                        "postgres: %s; lc_ctype %s; show_trgm('加班费计算') = %s",
                        scalar(sql, "select version()"),
                        scalar(sql, "select datctype from pg_database where datname = current_database()"),
                        scalar(sql, "select show_trgm('加班费计算')::text"));
                sql.execute("""
                        create table kb_articles (
                            id text not null, title text not null, body text not null, language text not null,
                            audience text not null, category text not null, tags text not null,
                            tsv tsvector generated always as (
                                setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', body), 'B')) stored)""");
                long start = System.nanoTime();
                long rows;
                try (InputStream in = Files.newInputStream(file)) {
                    rows = db.unwrap(PGConnection.class)
                            .getCopyAPI()
                            .copyIn(
                                    "copy kb_articles (id, title, body, language, audience, category, tags) from stdin",
                                    in,
                                    1 << 20);
                }
                load = seconds(start);
                log("postgres: COPY %,d rows (tsvector computed on the way) in %.1f s", rows, load);
                start = System.nanoTime();
                for (String ddl : List.of(
                        "alter table kb_articles add primary key (id)",
                        "create index kb_articles_tsv on kb_articles using gin (tsv)",
                        "create index kb_articles_title_trgm on kb_articles using gin (title gin_trgm_ops)",
                        "create index kb_articles_body_trgm on kb_articles using gin (body gin_trgm_ops)",
                        "create index kb_articles_audience on kb_articles (audience)",
                        "vacuum analyze kb_articles")) {
                    long one = System.nanoTime();
                    sql.execute(ddl);
                    log("postgres:   %s: %.1f s", ddl, seconds(one));
                }
                build = seconds(start);
                size = Long.parseLong(scalar(sql, "select pg_total_relation_size('kb_articles')"));
                log(
                        "postgres: load %.1f s + indexes/analyze %.1f s = %.1f s; table + indexes %s (heap+toast %s)",
                        load,
                        build,
                        load + build,
                        megabytes(size),
                        megabytes(Long.parseLong(scalar(sql, "select pg_table_size('kb_articles')"))));
                PgSearch explain = new PgSearch(db);
                for (Query q : queries.subList(0, 3)) {
                    log("postgres: plan for %s:%n%s", q.text(), explain.explain(q));
                }
            }
            ThreadLocal<PgSearch> connections = ThreadLocal.withInitial(() -> {
                try {
                    return new PgSearch(java.sql.DriverManager.getConnection(url));
                } catch (SQLException ex) {
                    throw new IllegalStateException(ex);
                }
            });
            Searcher search = q -> connections.get().search(q);
            sample(queries, search, 3);
            Stats warm = measureSingle(
                    "pg-warmup", queries.subList(0, Math.min(queries.size(), PG_WARMUP)), search, 1, null);
            log("postgres: warm-up done (%s)", warm);
            List<Query> measured = everyKth(queries, PG_QUERIES);
            int[] zero = new int[1];
            // the zero-hit count comes from this pass: at 1M a PostgreSQL search takes seconds, so no second pass
            Stats single = measureSingle("pg", measured, search, PG_ROUNDS, null, zero);
            if (measured.size() < queries.size()) {
                log(
                        "postgres: single-thread pass over %d of the %d queries (every %d-th; kb.pgQueries)",
                        measured.size(), queries.size(), queries.size() / measured.size());
            }
            log("postgres: single thread %s", single);
            Throughput load2 = throughput(queries, search);
            log(
                    "postgres: %d threads for %d s: %,d searches = %.1f QPS; latency under load %s",
                    SEARCH_THREADS, THROUGHPUT.toSeconds(), load2.count, load2.qps, load2.latency);
            return new Result(
                    "PostgreSQL 17 (tsvector 'simple' + pg_trgm)",
                    load + build,
                    size,
                    single,
                    load2.qps,
                    load2.latency,
                    zero[0],
                    measured.size());
        }
    }

    /**
     * The PostgreSQL search for one query, on one connection. What it does with the text (see SCALE.md):
     * <ul>
     * <li>each space-separated chunk is cut into Latin/digit runs and CJK runs; Latin words of two or more characters
     * (minus a short English stop list) become an OR tsquery over the {@code simple} tsvector;</li>
     * <li>CJK runs are segmented with SmartChineseAnalyzer (PostgreSQL has no Chinese parser; this is the most it can
     * be given), words of one character and colloquial fillers (怎么, 多少, 吗 …) are dropped, and each remaining word is
     * an {@code LIKE '%word%'} on title or body ({@code ILIKE} when the word has Latin letters; Han characters have
     * no case, and ILIKE costs ~10x on UTF-8), served by the pg_trgm GIN indexes where the word yields a trigram;</li>
     * <li>a chunk that yields nothing ({@code 5险1金}) is used whole as an ILIKE pattern;</li>
     * <li>a row matches any of these (OR, as Lucene's SHOULD), within the asker's audiences; score = ts_rank +
     * per word (3 if in title, 1 if in body) + similarity(title, CJK words); top 10; snippet for those 10 only:
     * ts_headline for English-only queries, else a 120-character window around the first word with matches marked
     * by regexp_replace.</li>
     * </ul>
     */
    static final class PgSearch {
        private static final java.util.Set<String> FILLERS = java.util.Set.of(
                "怎么", "怎么算", "怎么办", "多少", "什么", "可以", "能不能", "是不是", "有没有", "哪些", "为什么", "要多久", "多久", "还有", "合法", "问题",
                "规定");
        private static final java.util.Set<String> EN_STOP = java.util.Set.of(
                "the", "a", "an", "of", "to", "in", "on", "at", "for", "how", "many", "what", "is", "are", "do", "does",
                "i", "my", "after", "can", "and", "or");
        private static final java.util.regex.Pattern RUNS =
                java.util.regex.Pattern.compile("[A-Za-z0-9+]+|[\\p{IsHan}]+");
        private static final org.apache.lucene.analysis.Analyzer SEGMENTER =
                new org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer();

        private final Connection db;

        PgSearch(Connection db) {
            this.db = db;
        }

        record Terms(List<String> latin, List<String> patterns) {}

        static Terms terms(String text) {
            List<String> latin = new ArrayList<>();
            List<String> patterns = new ArrayList<>();
            for (String chunk : text.strip().split("\\s+")) {
                int before = latin.size() + patterns.size();
                java.util.regex.Matcher runs = RUNS.matcher(chunk);
                while (runs.find()) {
                    String run = runs.group();
                    if (Character.isIdeographic(run.codePointAt(0))) {
                        for (String word : segment(run)) {
                            if (word.length() >= 2 && !FILLERS.contains(word) && !patterns.contains(word)) {
                                patterns.add(word);
                            }
                        }
                    } else {
                        String word = run.toLowerCase(Locale.ROOT).replace("+", "");
                        if (word.length() >= 2 && !EN_STOP.contains(word) && !latin.contains(word)) {
                            latin.add(word);
                        }
                    }
                }
                if (latin.size() + patterns.size() == before && chunk.length() >= 2 && !FILLERS.contains(chunk)) {
                    patterns.add(chunk);
                }
            }
            return new Terms(latin, patterns);
        }

        private static List<String> segment(String run) {
            List<String> words = new ArrayList<>();
            try (var stream = SEGMENTER.tokenStream("t", run)) {
                var term = stream.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
                stream.reset();
                while (stream.incrementToken()) {
                    words.add(term.toString());
                }
                stream.end();
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            return words;
        }

        private record Sql(String text, List<Object> parameters) {}

        private Sql sql(Query query) throws SQLException {
            Terms terms = terms(query.text());
            List<Object> select = new ArrayList<>();
            List<Object> where = new ArrayList<>();
            StringBuilder score = new StringBuilder("0");
            StringBuilder match = new StringBuilder();
            String tsquery = String.join(" | ", terms.latin());
            if (!terms.latin().isEmpty()) {
                score.append(" + ts_rank(tsv, to_tsquery('simple', ?))");
                select.add(tsquery);
                match.append("tsv @@ to_tsquery('simple', ?)");
                where.add(tsquery);
            }
            for (String word : terms.patterns()) {
                String like =
                        "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                // Han characters have no case: LIKE finds the same rows as ILIKE, and is far cheaper on UTF-8
                // (ILIKE lower-cases every body it tests); ILIKE only where the word has Latin letters
                String op = word.chars().anyMatch(Character::isLetter)
                                && !word.chars().allMatch(Character::isIdeographic)
                        ? "ilike"
                        : "like";
                score.append(" + 3 * (title %1$s ?)::int + (body %1$s ?)::int".formatted(op));
                select.add(like);
                select.add(like);
                match.append(match.isEmpty() ? "" : " or ").append("title %1$s ? or body %1$s ?".formatted(op));
                where.add(like);
                where.add(like);
            }
            if (!terms.patterns().isEmpty()) {
                score.append(" + similarity(title, ?)");
                select.add(String.join(" ", terms.patterns()));
            }
            if (match.isEmpty()) {
                return null;
            }
            String snippet;
            List<Object> outer = new ArrayList<>();
            if (terms.patterns().isEmpty()) {
                snippet = "ts_headline('simple', body, to_tsquery('simple', ?), "
                        + "'MaxFragments=1, MaxWords=35, MinWords=15, StartSel=<mark>, StopSel=</mark>')";
                outer.add(tsquery);
            } else {
                snippet =
                        "regexp_replace(substr(body, greatest(1, strpos(body, ?) - 30), 120), ?, '<mark>\\&</mark>', 'gi')";
                outer.add(terms.patterns().getFirst());
                List<String> alternatives = new ArrayList<>(terms.patterns());
                alternatives.addAll(terms.latin());
                outer.add(String.join(
                        "|", alternatives.stream().map(PgSearch::regexQuote).toList()));
            }
            String text = """
                    select id, title, %s as snippet, score from (
                      select id, title, body, %s as score from kb_articles
                      where audience = any(?) and (%s)
                      order by score desc limit 10) top
                    order by score desc""".formatted(snippet, score, match);
            List<Object> parameters = new ArrayList<>(outer);
            parameters.addAll(select);
            parameters.add(db.createArrayOf("text", query.asker().audiences().toArray()));
            parameters.addAll(where);
            return new Sql(text, parameters);
        }

        private static String regexQuote(String word) {
            return word.replaceAll("([\\\\^$.|?*+()\\[\\]{}])", "\\\\$1");
        }

        int search(Query query) throws SQLException {
            Sql sql = sql(query);
            if (sql == null) {
                return 0;
            }
            try (PreparedStatement statement = db.prepareStatement(sql.text())) {
                for (int i = 0; i < sql.parameters().size(); i++) {
                    statement.setObject(i + 1, sql.parameters().get(i));
                }
                int hits = 0;
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        rows.getString(1);
                        rows.getString(2);
                        rows.getString(3);
                        hits++;
                    }
                }
                return hits;
            }
        }

        String explain(Query query) throws SQLException {
            Sql sql = sql(query);
            if (sql == null) {
                return "(no terms)";
            }
            try (PreparedStatement statement = db.prepareStatement("explain (analyze, buffers) " + sql.text())) {
                for (int i = 0; i < sql.parameters().size(); i++) {
                    statement.setObject(i + 1, sql.parameters().get(i));
                }
                StringBuilder plan = new StringBuilder("    terms " + terms(query.text()) + "\n");
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        plan.append("    ").append(rows.getString(1)).append('\n');
                    }
                }
                return plan.toString();
            }
        }
    }

    // ------------------------------------------------------------------------------------------ measuring

    /**
     * Two settings of system properties ({@code kb.ab=a=1,b=2|a=3}), each query asked under both in turn (which one goes
     * first alternates), so that both see the same machine load: their latencies, and how many searches' top 10 or
     * total differ between them. For trying out a change to the library behind a property, not for the report.
     */
    private void abCompare(String ab, List<Query> queries, KnowledgeBase kb) {
        String[] settings = ab.split("\\|", -1);
        long[][] nanos = new long[2][queries.size() * ROUNDS];
        int differ = 0;
        int i = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (Query q : queries) {
                List<List<String>> ids = new ArrayList<>(List.of(List.of(), List.of()));
                for (int k = 0; k < 2; k++) {
                    int which = (i + round + k) % 2;
                    for (String assignment : settings[which].split(",")) {
                        if (!assignment.isBlank()) {
                            String[] kv = assignment.split("=", 2);
                            System.setProperty(kv[0].strip(), kv[1].strip());
                        }
                    }
                    long t0 = System.nanoTime();
                    SearchResult r = kb.search(KbQuery.of(q.text())
                            .forAudiences(q.asker().audiences())
                            .page(0, 10));
                    nanos[which][i] = System.nanoTime() - t0;
                    ids.set(
                            which,
                            r.hits().stream().map(h -> h.id() + "@" + r.total()).toList());
                    for (String assignment : settings[which].split(",")) {
                        if (!assignment.isBlank()) {
                            System.clearProperty(assignment.split("=", 2)[0].strip());
                        }
                    }
                }
                if (!ids.get(0).equals(ids.get(1))) {
                    differ++;
                }
                i++;
            }
        }
        for (int k = 0; k < 2; k++) {
            long[] sorted = nanos[k].clone();
            Arrays.sort(sorted);
            log(
                    "A/B [%s]: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, mean %.2f ms (%d searches)",
                    settings[k],
                    sorted[sorted.length / 2] / 1e6,
                    sorted[(int) (sorted.length * 0.95)] / 1e6,
                    sorted[(int) (sorted.length * 0.99)] / 1e6,
                    Arrays.stream(sorted).average().orElse(0) / 1e6,
                    sorted.length);
        }
        log("A/B: searches whose top 10 or total differ between the two: %d of %d", differ, i);
    }

    @FunctionalInterface
    interface Searcher {
        int search(Query query) throws Exception;
    }

    record Stats(int samples, double p50, double p95, double p99, double mean, double max) {
        static Stats of(long[] nanos, int count) {
            long[] sorted = Arrays.copyOf(nanos, count);
            Arrays.sort(sorted);
            double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
            return new Stats(
                    count,
                    at(sorted, 0.50),
                    at(sorted, 0.95),
                    at(sorted, 0.99),
                    mean,
                    count == 0 ? 0 : sorted[count - 1] / 1e6);
        }

        private static double at(long[] sorted, double quantile) {
            if (sorted.length == 0) {
                return 0;
            }
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
        }

        @Override
        public String toString() {
            return "%,d searches: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, mean %.2f ms, max %.1f ms"
                    .formatted(samples, p50, p95, p99, mean, max);
        }
    }

    record Throughput(long count, double qps, Stats latency) {}

    record Result(
            String engine,
            double buildSeconds,
            long bytes,
            Stats single,
            double qps,
            Stats loaded,
            int zeroHits,
            int asked) {
        String row() {
            return "| %s | %.1f s | %s | %.2f | %.2f | %.2f | %.2f | %.1f | %.2f | %d of %d |"
                    .formatted(
                            engine,
                            buildSeconds,
                            megabytes(bytes),
                            single.p50,
                            single.p95,
                            single.p99,
                            single.mean,
                            qps,
                            loaded.p95,
                            zeroHits,
                            asked);
        }
    }

    /** Every query of the list, {@code rounds} times, one after the other, on a thread of its own. */
    private static Stats measureSingle(String name, List<Query> queries, Searcher search, int rounds, Path jfr)
            throws Exception {
        return measureSingle(name, queries, search, rounds, jfr, new int[1]);
    }

    /** As above, counting in {@code zeroHits[0]} the queries of the first round that found nothing. */
    private static Stats measureSingle(
            String name, List<Query> queries, Searcher search, int rounds, Path jfr, int[] zeroHits) throws Exception {
        long[] nanos = new long[queries.size() * rounds];
        Thread thread = Thread.ofPlatform().name("kb-single-" + name).unstarted(() -> {
            try {
                int i = 0;
                for (int round = 0; round < rounds; round++) {
                    for (Query query : queries) {
                        long start = System.nanoTime();
                        int hits = search.search(query);
                        nanos[i++] = System.nanoTime() - start;
                        if (round == 0 && hits == 0) {
                            zeroHits[0]++;
                        }
                    }
                }
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        });
        Recording recording = null;
        if (jfr != null) {
            recording = new Recording();
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.start();
        }
        try {
            thread.start();
            thread.join();
        } finally {
            if (recording != null) {
                recording.stop();
                recording.dump(jfr);
                recording.close();
            }
        }
        return Stats.of(nanos, nanos.length);
    }

    /** {@link #SEARCH_THREADS} threads, each going through the list from its own offset, for {@link #THROUGHPUT}. */
    private static Throughput throughput(List<Query> queries, Searcher search) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(SEARCH_THREADS);
        long deadline = System.nanoTime() + THROUGHPUT.toNanos();
        long start = System.nanoTime();
        List<Future<long[]>> results = new ArrayList<>();
        for (int t = 0; t < SEARCH_THREADS; t++) {
            int offset = t * queries.size() / SEARCH_THREADS;
            results.add(pool.submit(() -> {
                long[] nanos = new long[1024];
                int count = 0;
                for (int i = offset; System.nanoTime() < deadline; i++) {
                    long one = System.nanoTime();
                    search.search(queries.get(i % queries.size()));
                    if (count == nanos.length) {
                        nanos = Arrays.copyOf(nanos, count * 2);
                    }
                    nanos[count++] = System.nanoTime() - one;
                }
                return Arrays.copyOf(nanos, count);
            }));
        }
        long[] all = new long[0];
        for (Future<long[]> result : results) {
            long[] some = result.get();
            long[] merged = Arrays.copyOf(all, all.length + some.length);
            System.arraycopy(some, 0, merged, all.length, some.length);
            all = merged;
        }
        double elapsed = seconds(start);
        pool.shutdown();
        return new Throughput(all.length, all.length / elapsed, Stats.of(all, all.length));
    }

    private static List<Query> everyKth(List<Query> queries, int wanted) {
        if (wanted >= queries.size()) {
            return queries;
        }
        int step = Math.max(1, queries.size() / wanted);
        List<Query> some = new ArrayList<>();
        for (int i = 0; i < queries.size() && some.size() < wanted; i += step) {
            some.add(queries.get(i));
        }
        return some;
    }

    /** Each query once more, timed alone: the slowest ones, to see what makes the tail. */
    private static String slowest(List<Query> queries, Searcher search, int count) throws Exception {
        List<Map.Entry<String, Double>> times = new ArrayList<>();
        for (Query query : queries) {
            long start = System.nanoTime();
            search.search(query);
            times.add(Map.entry(query.text() + " [" + query.asker().name() + "]", (System.nanoTime() - start) / 1e6));
        }
        times.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        return String.join(
                "; ",
                times.subList(0, Math.min(count, times.size())).stream()
                        .map(e -> "%s %.0f ms".formatted(e.getKey(), e.getValue()))
                        .toList());
    }

    private static int zeroHits(List<Query> queries, Searcher search) throws Exception {
        int zero = 0;
        for (Query query : queries) {
            zero += search.search(query) == 0 ? 1 : 0;
        }
        return zero;
    }

    /** The first hits of a few queries in the log, so a reader can see that both engines find sensible articles. */
    private void sample(List<Query> queries, Searcher search, int count) throws Exception {
        for (Query query : queries.subList(0, count)) {
            log("  %s [%s]: %d hits", query.text(), query.asker().name(), search.search(query));
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    private void log(String format, Object... args) {
        line(format.formatted(args));
    }

    private void line(String text) {
        System.out.println("KBSCALE " + text);
        System.out.flush();
        report.add(text);
    }

    private static String scalar(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getString(1);
        }
    }

    private static String machine() {
        boolean luceneAsserts = org.apache.lucene.index.IndexWriter.class.desiredAssertionStatus();
        return "%d cores, Java %s (%s), max heap %d MB, Lucene assertions %s"
                .formatted(
                        Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.version"),
                        System.getProperty("java.vm.name"),
                        Runtime.getRuntime().maxMemory() >> 20,
                        luceneAsserts
                                ? "ON (figures are not representative: run with -DenableAssertions=false)"
                                : "off");
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static String megabytes(long bytes) {
        return "%,d MB".formatted(bytes >> 20);
    }

    private static long sizeOf(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(path -> {
                        try {
                            return Files.size(path);
                        } catch (IOException ex) {
                            return 0;
                        }
                    })
                    .sum();
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
