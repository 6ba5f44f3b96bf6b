package dev.backstop.kb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.ScoreDoc;

/**
 * Combines the lexical and the dense ranking of one search into one list. Measured on the law-only query set
 * (benchmarks/kb/QUALITY.md): reciprocal-rank fusion ranked worse than the dense side alone; a mix of normalised
 * scores that weighs the dense side more ranked best.
 *
 * @param mode how scores are made comparable
 * @param denseWeight the dense side's share of the mixed score (0 to 1); the lexical side has the rest
 */
record Fusion(Mode mode, float denseWeight) {

    enum Mode {
        /** 1 / (60 + rank) from each list, summed. */
        RECIPROCAL_RANK,
        /** Each side min-max scaled to 0..1 over its own candidates, then weighed. */
        MIN_MAX,
        /** Lexical divided by its best score; dense as the cosine itself; then weighed. */
        BEST_AND_COSINE
    }

    static final Fusion DEFAULT = new Fusion(Mode.MIN_MAX, 0.8f);

    /**
     * An article found only by its vector counts when its cosine to the question is at least this. The kNN search
     * always returns its k nearest, however far; without a floor no question would ever find nothing, and the editors'
     * knowledge gaps (searches with no hit) would vanish. bge-small-zh-v1.5 gives unrelated questions 0.31–0.42 against
     * the law articles (打印机卡纸 0.42, VPN 连不上 0.39) and related ones 0.50–0.70 (礼拜六礼拜天要歇 → 每周至少休息一日 0.50).
     */
    static final float DENSE_ONLY_FLOOR = 0.45f;

    Fusion {
        if (denseWeight < 0 || denseWeight > 1) {
            throw new IllegalArgumentException("denseWeight must be between 0 and 1: " + denseWeight);
        }
    }

    /** Both lists best first, Lucene scores (dense: (1 + cosine) / 2); the result best first. */
    ScoreDoc[] combine(ScoreDoc[] lexical, ScoreDoc[] dense) {
        Map<Integer, float[]> byDoc = new HashMap<>(); // doc -> {lexical, dense}; NaN = not in that list
        double[] lex = scaled(lexical, false);
        double[] den = scaled(dense, true);
        for (int i = 0; i < lexical.length; i++) {
            byDoc.computeIfAbsent(lexical[i].doc, d -> new float[] {Float.NaN, Float.NaN})[0] = (float) lex[i];
        }
        for (int i = 0; i < dense.length; i++) {
            byDoc.computeIfAbsent(dense[i].doc, d -> new float[] {Float.NaN, Float.NaN})[1] = (float) den[i];
        }
        Map<Integer, Float> cosine = new HashMap<>();
        for (ScoreDoc doc : dense) {
            cosine.put(doc.doc, 2 * doc.score - 1);
        }
        List<ScoreDoc> mixed = new ArrayList<>(byDoc.size());
        byDoc.forEach((doc, scores) -> {
            if (Float.isNaN(scores[0]) && cosine.get(doc) < DENSE_ONLY_FLOOR) {
                return; // only its vector matched, and not closely
            }
            float l = Float.isNaN(scores[0]) ? 0 : scores[0];
            float d = Float.isNaN(scores[1]) ? 0 : scores[1];
            float score = mode == Mode.RECIPROCAL_RANK ? l + d : (1 - denseWeight) * l + denseWeight * d;
            mixed.add(new ScoreDoc(doc, score));
        });
        mixed.sort((a, b) -> a.score != b.score ? Float.compare(b.score, a.score) : Integer.compare(a.doc, b.doc));
        return mixed.toArray(ScoreDoc[]::new);
    }

    private double[] scaled(ScoreDoc[] docs, boolean dense) {
        double[] scaled = new double[docs.length];
        if (docs.length == 0) {
            return scaled;
        }
        double best = docs[0].score;
        double worst = docs[docs.length - 1].score;
        for (int i = 0; i < docs.length; i++) {
            double score = docs[i].score;
            scaled[i] = switch (mode) {
                case RECIPROCAL_RANK -> 1.0 / (60 + i + 1);
                case MIN_MAX -> best == worst ? 1 : (score - worst) / (best - worst);
                case BEST_AND_COSINE -> dense ? 2 * score - 1 : score / best;
            };
        }
        return scaled;
    }
}
