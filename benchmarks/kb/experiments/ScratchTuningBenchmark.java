// Not compiled (outside every source root). A one-off harness for the tuning experiments in ../QUALITY.md: it rebuilds
// the index with package-private parts of dev.backstop.kb and tries query variants. To rerun, copy it to
// knowledge-base/src/test/java/dev/backstop/kb/ and run: ./mvnw -o -pl knowledge-base surefire:test -Dtest=ScratchTuningBenchmark
//   -Dsurefire.failIfNoSpecifiedTests=false [-DargLine=-Dsyn=benchmarks/kb/experiments/synonyms-extended.txt]
// It may not compile against later versions of the library's internals.
package dev.backstop.kb;

import java.nio.file.*;
import java.util.*;
import java.util.function.Function;
import org.apache.lucene.document.*;
import org.apache.lucene.index.*;
import org.apache.lucene.search.*;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.Test;

class ScratchTuningBenchmark {
    static final Set<String> QUESTION = Set.of("怎么", "怎么样", "怎样", "如何", "吗", "呢", "啊", "吧", "多少", "几", "什么", "能", "我", "你", "有", "了",
            "是", "的", "要", "还", "给", "可以", "会", "在", "哪", "哪里", "又", "没", "个", "多久", "算", "办",
            "how", "what", "is", "can", "do", "does", "the", "a", "an", "to", "my", "i", "when", "should", "for", "of", "on", "in", "our", "we", "after", "much", "mani");

    @Test
    void experiments() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<KbDocument> docs = new ArrayList<>();
        for (String line : Files.readAllLines(root.resolve("helpdesk-app/src/main/resources/kb/hr-law.jsonl"))) {
            var a = MiniJson.object(line);
            docs.add(new KbDocument((String) a.get("id"), (String) a.get("title"), (String) a.get("body"), "zh", "EMPLOYEES", "law", List.of()));
        }
        Map<String, List<String>> tags = new HashMap<>();
        for (String line : Files.readAllLines(root.resolve("helpdesk-app/src/main/resources/kb/unified-answers.jsonl"))) {
            var a = MiniJson.object(line);
            @SuppressWarnings("unchecked") List<String> t = (List<String>) a.get("tags");
            docs.add(new KbDocument((String) a.get("id"), (String) a.get("title"), (String) a.get("body"), (String) a.get("language"), "X", "c", t));
            tags.put((String) a.get("id"), t);
        }
        List<Map<String, Object>> queries = new ArrayList<>();
        for (String line : Files.readAllLines(root.resolve("benchmarks/kb/queries.jsonl"))) queries.add(MiniJson.object(line));
        Synonyms syn = Synonyms.parse(Files.readString(Path.of(System.getProperty("syn", root.resolve("benchmarks/kb/synonyms.txt").toString()))));

        Analysis analysis = Analysis.chineseAndEnglish();
        var dir = new ByteBuffersDirectory();
        try (var w = new IndexWriter(dir, new IndexWriterConfig(analysis.analyzer()))) {
            for (KbDocument d : docs) {
                Document doc = KbDocuments.toLucene(d);
                String t = String.join(" ", d.tags());
                doc.add(new TextField("tags_text", t, Field.Store.NO));
                doc.add(new TextField("tags_text" + Analysis.BIGRAM_SUFFIX, t, Field.Store.NO));
                w.addDocument(doc);
            }
        }
        var reader = DirectoryReader.open(dir);
        var searcher = new IndexSearcher(reader);
        QueryBuilder qb = new QueryBuilder(analysis.analyzer());

        record Cfg(String name, boolean stop, boolean bigramTerms, boolean phrase, boolean synonyms, boolean tagsText) {}
        List<Cfg> cfgs = List.of(
                new Cfg("E1 baseline re-implemented", false, false, true, false, false),
                new Cfg("E2 + question words dropped", true, false, true, false, false),
                new Cfg("E3 bigrams as terms (no phrase)", false, true, false, false, false),
                new Cfg("E4 bigram terms + phrase", false, true, true, false, false),
                new Cfg("E5 E4 + question words dropped", true, true, true, false, false),
                new Cfg("E6 E5 + synonyms.txt", true, true, true, true, false),
                new Cfg("E7 E6 + tags searched", true, true, true, true, true),
                new Cfg("E8 E4 + synonyms + tags (no stop)", false, true, true, true, true));
        for (Cfg c : cfgs) {
            double nd = 0, rec = 0, mrr = 0, ndZh = 0, ndEn = 0, ndH = 0, ndT = 0; int nZh = 0, nEn = 0, nH = 0, nT = 0;
            for (var q : queries) {
                String text = (String) q.get("query");
                List<String> variants = c.synonyms ? syn.variants(text) : List.of(Synonyms.normalize(text));
                List<Query> vq = new ArrayList<>();
                for (int i = 0; i < variants.size(); i++) {
                    String v = variants.get(i);
                    if (c.stop) v = strip(analysis, v);
                    BooleanQuery.Builder b = new BooleanQuery.Builder();
                    add(b, qb.createBooleanQuery("title", v, Occur.SHOULD), 3);
                    add(b, qb.createBooleanQuery("body", v, Occur.SHOULD), 1);
                    if (c.phrase) {
                        add(b, qb.createPhraseQuery("title_bigrams", v), 6);
                        add(b, qb.createPhraseQuery("body_bigrams", v), 2);
                    }
                    if (c.bigramTerms) {
                        add(b, qb.createBooleanQuery("title_bigrams", v, Occur.SHOULD), 3);
                        add(b, qb.createBooleanQuery("body_bigrams", v, Occur.SHOULD), 1);
                    }
                    if (c.tagsText) {
                        add(b, qb.createBooleanQuery("tags_text", v, Occur.SHOULD), 3);
                        add(b, qb.createPhraseQuery("tags_text_bigrams", v), 3);
                    }
                    Query one = b.build();
                    vq.add(i == 0 ? one : new BoostQuery(one, 0.9f));
                }
                Query query = vq.size() == 1 ? vq.get(0) : new DisjunctionMaxQuery(vq, 0.1f);
                List<String> hits = new ArrayList<>();
                for (ScoreDoc sd : searcher.search(query, 10).scoreDocs) hits.add(searcher.storedFields().document(sd.doc).get("id"));
                @SuppressWarnings("unchecked") Map<String, Object> relRaw = (Map<String, Object>) q.get("relevant");
                Map<String, Integer> rel = new HashMap<>(); relRaw.forEach((k, v) -> rel.put(k, ((Number) v).intValue()));
                var lab = new SearchQualityBenchmark.Labelled((String) q.get("id"), text, (String) q.get("lang"), rel, Boolean.TRUE.equals(q.get("heldout")));
                double n = SearchQualityBenchmark.ndcg(lab, hits);
                nd += n; rec += SearchQualityBenchmark.recall(lab, hits); mrr += SearchQualityBenchmark.reciprocalRank(lab, hits);
                if (lab.lang().equals("zh")) { ndZh += n; nZh++; } else { ndEn += n; nEn++; }
                if (lab.heldout()) { ndH += n; nH++; } else { ndT += n; nT++; }
            }
            int N = queries.size();
            System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |%n", c.name, nd / N, rec / N, mrr / N, ndZh / nZh, ndEn / nEn, ndT / nT, ndH / nH);
        }
    }

    static String strip(Analysis analysis, String text) {
        List<String> kept = new ArrayList<>();
        for (String t : analysis.terms("title", text)) if (!QUESTION.contains(t)) kept.add(t);
        return String.join(" ", kept);
    }

    static void add(BooleanQuery.Builder b, Query q, float boost) {
        if (q != null) b.add(boost == 1f ? q : new BoostQuery(q, boost), Occur.SHOULD);
    }
}
