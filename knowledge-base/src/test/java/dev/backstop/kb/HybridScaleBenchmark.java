package dev.backstop.kb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Latency of the hybrid search at scale, query embedding included ({@code benchmarks/kb/hybrid-scale.sh}; not part of
 * the test run). Embedding 100,000 articles with the real model would take over an hour on 2 cores, so the corpus is
 * the 930 law articles copied ({@code kb.n}, default 100,000) with their real bge-small-zh vectors plus a little noise
 * (cosine ≈ 0.96 to the original): the HNSW graph, the filter and the fusion do the work they would do, the text
 * repeats. Queries are the law-only set's 163 questions, embedded by the real model on every search.
 */
class HybridScaleBenchmark {

    @Test
    void measure() throws IOException {
        int n = Integer.getInteger("kb.n", 100_000);
        Path root = Path.of(System.getProperty("backstop.repo.root", "..")).toAbsolutePath();
        List<KbDocument> law = new ArrayList<>();
        for (String line : Files.readAllLines(root.resolve("helpdesk-app/src/main/resources/kb/hr-law.jsonl"))) {
            Map<String, Object> a = MiniJson.object(line);
            law.add(new KbDocument(
                    (String) a.get("id"),
                    (String) a.get("title"),
                    (String) a.get("body"),
                    "zh",
                    "EMPLOYEES",
                    "law",
                    List.of((String) a.get("law"))));
        }
        List<String> questions = new ArrayList<>();
        for (String line : Files.readAllLines(root.resolve("benchmarks/kb/law-queries.jsonl"))) {
            questions.add((String) MiniJson.object(line).get("query"));
        }
        BgeSmallZh bge = BgeSmallZh.shared();
        long start = System.nanoTime();
        List<float[]> lawVectors =
                bge.embedDocuments(law.stream().map(KbDocuments::embeddedText).toList());
        double embedSeconds = (System.nanoTime() - start) / 1e9;
        Map<String, float[]> byBody = new HashMap<>();
        for (int i = 0; i < law.size(); i++) {
            byBody.put(law.get(i).body(), lawVectors.get(i));
        }
        Embedder copies = new Copies(bge, byBody);
        List<KbDocument> corpus = new ArrayList<>(n);
        String[] audiences = {"EMPLOYEES", "FRONTLINE", "HR"};
        for (int i = 0; i < n; i++) {
            KbDocument base = law.get(i % law.size());
            corpus.add(new KbDocument(
                    "c-" + i, base.title() + " #" + i, base.body(), "zh", audiences[i % 3], "law", base.tags()));
        }
        StringBuilder report = new StringBuilder();
        report.append(String.format(
                Locale.ROOT,
                "Real model: %d law articles embedded in %.1f s (%.1f articles/s, one " + "call, %d cores).%n",
                law.size(),
                embedSeconds,
                law.size() / embedSeconds,
                Runtime.getRuntime().availableProcessors()));
        Path dir = Files.createTempDirectory("kb-hybrid-scale");
        try (KnowledgeBase kb = KnowledgeBase.open(dir, Analysis.chineseAndEnglish(), copies)) {
            kb.embedBatchSize(
                    2_000); // the copies cost nothing: 32 per round would time 3,000 refreshes, not the search
            long indexStart = System.nanoTime();
            for (int from = 0; from < n; from += 10_000) {
                kb.indexAll(corpus.subList(from, Math.min(n, from + 10_000)));
            }
            double lexicalSeconds = (System.nanoTime() - indexStart) / 1e9;
            if (!kb.awaitVectors(Duration.ofHours(1))) {
                throw new IllegalStateException("vectors not done");
            }
            double allSeconds = (System.nanoTime() - indexStart) / 1e9;
            kb.commit(n);
            report.append(String.format(
                    Locale.ROOT,
                    "%d articles: lexical index %.0f s; vectors written by the "
                            + "background feeder (model replaced by copies, so this is Lucene's share: re-write + HNSW) done "
                            + "after %.0f s in all.%n",
                    n,
                    lexicalSeconds,
                    allSeconds));
            report.append(latency("hybrid, all audiences", kb, questions, java.util.Set.of()));
            report.append(latency(
                    "hybrid, audience EMPLOYEES (filter inside kNN)", kb, questions, java.util.Set.of("EMPLOYEES")));
        }
        try (KnowledgeBase lexical = KnowledgeBase.open(dir, Analysis.chineseAndEnglish())) {
            report.append(latency("lexical only (dense off), same index", lexical, questions, java.util.Set.of()));
        }
        long[] embed = new long[questions.size()];
        for (int i = 0; i < embed.length; i++) {
            long t = System.nanoTime();
            bge.embedQuery(questions.get(i));
            embed[i] = System.nanoTime() - t;
        }
        Arrays.sort(embed);
        report.append(String.format(
                Locale.ROOT,
                "query embedding alone: p50 %.1f ms, p95 %.1f ms%n",
                embed[embed.length / 2] / 1e6,
                embed[(int) (embed.length * 0.95)] / 1e6));
        System.out.println(report);
        Path out = Path.of(System.getProperty("backstop.benchmark.out", "target/kb-hybrid-scale.txt"));
        Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
    }

    private static String latency(
            String name, KnowledgeBase kb, List<String> questions, java.util.Set<String> audiences) {
        for (int round = 0; round < 3; round++) {
            questions.forEach(q -> kb.search(KbQuery.of(q).forAudiences(audiences)));
        }
        long[] nanos = new long[questions.size() * 2];
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            kb.search(KbQuery.of(questions.get(i % questions.size())).forAudiences(audiences));
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        return String.format(
                Locale.ROOT,
                "%s, %d searches, one thread: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n",
                name,
                nanos.length,
                nanos[nanos.length / 2] / 1e6,
                nanos[(int) (nanos.length * 0.95)] / 1e6,
                nanos[(int) (nanos.length * 0.99)] / 1e6);
    }

    /** Real query vectors; for articles, the real vector of the law article they copy, plus noise. */
    private record Copies(Embedder real, Map<String, float[]> byBody) implements Embedder {

        @Override
        public String model() {
            return real.model();
        }

        @Override
        public int dimensions() {
            return real.dimensions();
        }

        @Override
        public float[] embedQuery(String text) {
            return real.embedQuery(text);
        }

        @Override
        public List<float[]> embedDocuments(List<String> texts) {
            List<float[]> vectors = new ArrayList<>(texts.size());
            for (String text : texts) {
                float[] base = byBody.get(text.substring(text.indexOf('\n') + 1));
                Random noise = new Random(text.hashCode());
                float[] copy = new float[base.length];
                for (int i = 0; i < base.length; i++) {
                    copy[i] = base[i] + (float) (noise.nextGaussian() * 0.3 / Math.sqrt(base.length));
                }
                vectors.add(copy);
            }
            return vectors;
        }
    }
}
