package dev.backstop.kb;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * How text is turned into terms. Every text field is indexed twice:
 * <ul>
 * <li>as <em>words</em>: full-width folded ({@code ５险１金} → {@code 5险1金}, {@code ＯＴ} → {@code OT}),
 * segmented by SmartChineseAnalyzer's HMM tokenizer, lower-cased, English words Porter-stemmed;</li>
 * <li>as <em>bigrams</em>: the same folding, English words stemmed, Chinese as overlapping
 * bigrams, so that a word the
 * segmenter splits ({@code 年休假} → {@code 年} + {@code 休假}) can still be matched as a phrase
 * ({@code 年休 休假}).</li>
 * </ul>
 * Titles are indexed a third time for suggestions: bigrams without stemming, so that a prefix
 * typed so far matches the start of a term. Synonyms are applied to the query text, not here (see
 * {@link Synonyms}).
 */
public final class Analysis {
    static final String BIGRAM_SUFFIX = "_bigrams";

    private final Analyzer analyzer;
    private final Analyzer bigrams;
    private final Analyzer suggestions;

    private Analysis(Analyzer analyzer, Analyzer bigrams, Analyzer suggestions) {
        this.analyzer = analyzer;
        this.bigrams = bigrams;
        this.suggestions = suggestions;
    }

    /** Chinese word segmentation plus English stemming, with full-width characters folded. */
    public static Analysis chineseAndEnglish() {
        Analyzer words = new WordsAnalyzer();
        Analyzer bigrams = new BigramAnalyzer(true);
        Analyzer suggestions = new BigramAnalyzer(false);
        Map<String, Analyzer> perField = Map.of(
                Fields.TITLE + BIGRAM_SUFFIX,
                bigrams,
                Fields.BODY + BIGRAM_SUFFIX,
                bigrams,
                Fields.TAGS_TEXT + BIGRAM_SUFFIX,
                bigrams,
                Fields.TITLE_SUGGEST,
                suggestions);
        return new Analysis(new PerFieldAnalyzerWrapper(words, perField), bigrams, suggestions);
    }

    /** Per field: words for {@code title} and {@code body}, bigrams for their {@code _bigrams} twins. */
    Analyzer analyzer() {
        return analyzer;
    }

    /** The bigram chain alone; snippets re-analyse the stored body with it (see {@link Snippets}). */
    Analyzer bigrams() {
        return bigrams;
    }

    /** Bigrams without stemming, for prefixes typed so far ({@code annu} must stay {@code annu}). */
    Analyzer suggestions() {
        return suggestions;
    }

    /** The terms the given field would hold for the text; for tests and diagnostics. */
    List<String> terms(String field, String text) {
        return terms(analyzer, field, text);
    }

    static List<String> terms(Analyzer analyzer, String field, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return terms;
    }

    private static final class WordsAnalyzer extends Analyzer {
        private static final CharArraySet STOP_WORDS = SmartChineseAnalyzer.getDefaultStopSet();

        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return new CJKWidthCharFilter(reader);
        }

        @Override
        protected Reader initReaderForNormalization(String fieldName, Reader reader) {
            return new CJKWidthCharFilter(reader);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new HMMChineseTokenizer();
            TokenStream stream = new LowerCaseFilter(tokenizer);
            stream = new PorterStemFilter(stream);
            stream = new StopFilter(stream, STOP_WORDS);
            return new TokenStreamComponents(tokenizer, stream);
        }
    }

    private static final class BigramAnalyzer extends Analyzer {
        private final boolean stem;

        BigramAnalyzer(boolean stem) {
            this.stem = stem;
        }

        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return new CJKWidthCharFilter(reader);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new StandardTokenizer();
            TokenStream stream = new LowerCaseFilter(tokenizer);
            if (stem) {
                stream = new PorterStemFilter(stream); // leaves CJK tokens alone
            }
            stream = new CJKBigramFilter(stream);
            return new TokenStreamComponents(tokenizer, stream);
        }
    }
}
