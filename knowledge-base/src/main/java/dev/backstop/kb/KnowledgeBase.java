package dev.backstop.kb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The knowledge base: index articles, search them with highlighted snippets and facets, suggest
 * titles while typing, find similar articles.
 *
 * <p><b>Visibility and durability.</b> Every {@link #index} and {@link #delete} refreshes the
 * near-real-time searcher before it returns, so the next {@link #search} on any thread sees the
 * change (articles are edited by people, a few per minute; a bulk load should use
 * {@link #indexAll}, which refreshes once). Searches use the last refreshed view and never wait for
 * indexing. Changes become durable on disk at {@link #commit} and at {@link #close()}.
 *
 * <p><b>Derived data.</b> The owner's database is the source of truth. Each document carries the
 * owner's revision; {@link #commit(long)} records up to which revision the index is complete, and
 * {@link #indexedRevision()} tells a restarted node where to resume. An index that cannot be read
 * at {@link #open} (corrupt, from an incompatible Lucene, half-written) is discarded and started
 * empty at revision 0, and {@link #recovered()} says so: the owner then feeds it everything again.
 *
 * <p>Thread-safe.
 *
 * <p>About 500 lines on purpose: it is the library's one entry point and owns Lucene's lifecycle (the writer, the
 * near-real-time searchers, the vector feeder, the commit data), which must not leak into callers. The work of a
 * search is in {@link Ranking} (lexical and dense ranking), {@link Facets} and {@link Similar}; the queries in
 * {@code Queries}, the snippets in {@code Snippets}.
 */
public final class KnowledgeBase implements AutoCloseable {

    static final String REVISION_KEY = "revision";
    static final String SOURCE_KEY = "source";

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Analysis analysis;
    private final Queries queries;
    private final Snippets snippets;
    private final boolean recovered;
    private final AtomicLong revision;
    /** Null: lexical search only (as before issue 18). */
    private final Embedder embedder;

    private final VectorFeeder feeder;
    /** Writes by the owner and by the vector feeder take turns (see {@link VectorFeeder}). */
    private final Object writes = new Object();

    private volatile Fusion fusion = Fusion.DEFAULT;
    private volatile String source;
    private volatile Synonyms synonyms = Synonyms.none();
    private volatile Lexicon lexicon = Lexicon.none();
    private final Ranking ranking;
    private final Similar similar;

    private KnowledgeBase(
            Directory directory,
            Analysis analysis,
            Embedder embedder,
            boolean recovered,
            Map<String, String> commitData)
            throws IOException {
        this.directory = directory;
        this.analysis = analysis;
        IndexWriterConfig config =
                new IndexWriterConfig(analysis.analyzer()).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        this.writer = new IndexWriter(directory, config);
        this.searchers = new SearcherManager(writer, new org.apache.lucene.search.SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                // one search may use every core across the index's slices (segments): at a million articles this
                // halves a single search's latency on 2 cores (benchmarks/kb/SCALE.md)
                return new IndexSearcher(reader, SEARCH_POOL);
            }
        });
        this.queries = new Queries(analysis);
        this.snippets = new Snippets(analysis);
        this.similar = new Similar(analysis, snippets);
        this.recovered = recovered;
        this.revision = new AtomicLong(Long.parseLong(commitData.getOrDefault(REVISION_KEY, "0")));
        this.source = commitData.getOrDefault(SOURCE_KEY, "");
        this.embedder = embedder;
        this.ranking = new Ranking(snippets, embedder);
        this.feeder = embedder == null ? null : new VectorFeeder(writer, searchers, embedder, writes);
    }

    /**
     * Opens (or creates) the index in the given directory. An unreadable index is deleted and
     * started empty; see {@link #recovered()}.
     */
    public static KnowledgeBase open(Path path, Analysis analysis) {
        return open(path, analysis, null);
    }

    /**
     * Opens (or creates) the index with hybrid search: every article also gets a dense vector from the embedder,
     * computed on a background thread after {@link #index} returns (until then the article is found by its words), and
     * a search mixes the word matches with the articles nearest in meaning, within the same audiences and narrowing.
     * Articles whose vector came from another {@link Embedder#model()} are embedded again in the background.
     * A null embedder gives the lexical search alone.
     */
    public static KnowledgeBase open(Path path, Analysis analysis, Embedder embedder) {
        try {
            Files.createDirectories(path);
            FSDirectory directory = FSDirectory.open(path);
            boolean recovered = false;
            Map<String, String> commitData = Map.of();
            try {
                commitData = readableCommitData(directory);
            } catch (IOException | RuntimeException unreadable) {
                wipe(directory);
                recovered = true;
            }
            return new KnowledgeBase(directory, analysis, embedder, recovered, commitData);
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot open the knowledge base index at " + path, ex);
        }
    }

    /** An index that lives only in memory; for tests and demos. */
    public static KnowledgeBase inMemory(Analysis analysis) {
        return inMemory(analysis, null);
    }

    /** An index in memory with hybrid search (see {@link #open(Path, Analysis, Embedder)}); for tests and demos. */
    public static KnowledgeBase inMemory(Analysis analysis, Embedder embedder) {
        try {
            return new KnowledgeBase(new ByteBuffersDirectory(), analysis, embedder, false, Map.of());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Reads every segment once, so that a damaged index fails here rather than in a search. */
    private static Map<String, String> readableCommitData(Directory directory) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return Map.of();
        }
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            StoredFields stored = reader.storedFields();
            if (reader.maxDoc() > 0) {
                stored.document(reader.maxDoc() - 1);
            }
        }
        Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
        Long.parseLong(data.getOrDefault(REVISION_KEY, "0")); // a garbled number is an unreadable index too
        return Map.copyOf(data);
    }

    private static void wipe(Directory directory) throws IOException {
        for (String file : directory.listAll()) {
            directory.deleteFile(file);
        }
    }

    /** True when {@link #open} found an unreadable index and started an empty one instead. */
    public boolean recovered() {
        return recovered;
    }

    /** Replaces the synonyms used from the next search on. */
    public void useSynonyms(Synonyms synonyms) {
        this.synonyms = Objects.requireNonNull(synonyms, "synonyms");
    }

    public Synonyms synonyms() {
        return synonyms;
    }

    /** Replaces the English → Chinese lexicon used from the next search on (see {@link Lexicon}). */
    public void useLexicon(Lexicon lexicon) {
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    }

    /** How many translations of one English phrase are searched: those the most articles contain. */
    static final int TRANSLATIONS_PER_PHRASE = 3;

    /**
     * The Chinese words for the English phrases of the question that this index contains, the commonest first (a
     * dictionary offers 工资, 俸给 and 口实 for salary; the articles use 工资): a word's document frequency is taken as that
     * of its rarest character bigram in the bodies.
     */
    private List<String> translated(IndexSearcher searcher, Lexicon words, String asked) throws IOException {
        List<String> chosen = new ArrayList<>();
        IndexReader reader = searcher.getIndexReader();
        for (List<String> candidates : words.lookup(asked)) {
            List<Map.Entry<String, Integer>> present = new ArrayList<>();
            for (String candidate : candidates) {
                int frequency = Integer.MAX_VALUE;
                for (String bigram :
                        Analysis.terms(analysis.bigrams(), Fields.BODY + Analysis.BIGRAM_SUFFIX, candidate)) {
                    frequency =
                            Math.min(frequency, reader.docFreq(new Term(Fields.BODY + Analysis.BIGRAM_SUFFIX, bigram)));
                }
                if (frequency > 0 && frequency != Integer.MAX_VALUE) {
                    present.add(Map.entry(candidate, frequency));
                }
            }
            present.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
            present.stream()
                    .limit(TRANSLATIONS_PER_PHRASE)
                    .map(Map.Entry::getKey)
                    .filter(word -> !chosen.contains(word))
                    .forEach(chosen::add);
        }
        return chosen;
    }

    /** Adds the document, or replaces the one with the same id; visible to the next search. */
    public void index(KbDocument document) {
        indexAll(List.of(document));
    }

    /** Adds or replaces all documents, then refreshes once. */
    public void indexAll(Iterable<KbDocument> documents) {
        try {
            for (KbDocument document : documents) {
                Document lucene = KbDocuments.toLucene(document);
                synchronized (writes) {
                    writer.updateDocument(new Term(Fields.ID, document.id()), lucene);
                    written(document.id());
                }
            }
            searchers.maybeRefreshBlocking();
            wakeFeeder();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Adds every document of another index on disk that is closed (opened with {@link #open} and closed), as it is:
     * copied segment by segment, without analysing the documents again, then refreshed once. For an owner that knows
     * the other index holds exactly what it would index itself (helpdesk-app's tests copy the index of the same ~1,000
     * demo articles into each fresh test index this way, instead of analysing them again per context); the documents'
     * ids must not be in this index yet. The indexed revision is not taken over: record it with
     * {@link #commit(String, long)}.
     */
    public void addAllFrom(Path closedIndex) {
        try (Directory other = FSDirectory.open(closedIndex)) {
            synchronized (writes) {
                writer.addIndexes(other);
                written(null);
            }
            searchers.maybeRefreshBlocking();
            wakeFeeder();
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot add the index at " + closedIndex, ex);
        }
    }

    /** Removes the document with this id, if there is one; visible to the next search. */
    public void delete(String id) {
        try {
            synchronized (writes) {
                writer.deleteDocuments(new Term(Fields.ID, id));
                written(id);
            }
            searchers.maybeRefreshBlocking();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Removes every document and forgets the indexed revision. */
    public void deleteAll() {
        try {
            synchronized (writes) {
                writer.deleteAll();
                written(null);
            }
            revision.set(0);
            searchers.maybeRefreshBlocking();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void written(String id) {
        if (feeder != null) {
            feeder.written(id);
        }
    }

    private void wakeFeeder() {
        if (feeder != null) {
            feeder.wake();
        }
    }

    /** True when searches mix in the dense vectors (an {@link Embedder} was given at open). */
    public boolean dense() {
        return embedder != null;
    }

    /** How many articles have no vector of the current model yet (0 without an embedder). */
    public int withoutVector() {
        if (feeder == null) {
            return 0;
        }
        return withSearcher(searcher -> searcher.count(feeder.lacking()));
    }

    /**
     * Waits until every article has its vector, or the timeout passed; true when none is missing. For bulk loads that
     * want the full hybrid ranking before they go on (tests, benchmarks); searches never wait.
     */
    public boolean awaitVectors(java.time.Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (withoutVector() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** For the scale benchmark, whose embedder copies vectors instantly: more articles per round of the feeder. */
    void embedBatchSize(int articles) {
        if (feeder != null) {
            feeder.batchSize(articles);
        }
    }

    /** For the quality benchmark: another way to combine the two rankings. */
    void useFusion(Fusion fusion) {
        this.fusion = Objects.requireNonNull(fusion, "fusion");
    }

    /** The revision of the indexed document with this id, if it is in the index. */
    public OptionalLong revisionOf(String id) {
        return withSearcher(searcher -> {
            TopDocs top = searcher.search(new TermQuery(new Term(Fields.ID, id)), 1);
            if (top.scoreDocs.length == 0) {
                return OptionalLong.empty();
            }
            Document document = searcher.storedFields().document(top.scoreDocs[0].doc, Set.of(Fields.REVISION));
            return OptionalLong.of(
                    document.getField(Fields.REVISION).numericValue().longValue());
        });
    }

    /** How many documents the index holds. */
    public int count() {
        return withSearcher(searcher -> searcher.getIndexReader().numDocs());
    }

    /** Up to which revision of its owner the index is complete: the last {@link #commit(long)}. */
    public long indexedRevision() {
        return revision.get();
    }

    /** Makes every change so far durable. */
    public void commit() {
        commit(revision.get());
    }

    /**
     * Which database (or other source) the index was fed from, as last given to {@link #commit(String, long)};
     * empty for a new index. An owner that finds another source's index (a restored or replaced database) should
     * {@link #deleteAll()} and feed it again, since revisions of different sources are not comparable.
     */
    public String source() {
        return source;
    }

    /** Makes every change so far durable and records that the index is complete up to this revision. */
    public void commit(long completeUpTo) {
        commit(source, completeUpTo);
    }

    /** Makes every change so far durable and records the source and up to which of its revisions the index is complete. */
    public void commit(String fedFrom, long completeUpTo) {
        try {
            revision.set(completeUpTo);
            source = Objects.requireNonNull(fedFrom, "fedFrom");
            writer.setLiveCommitData(commitData().entrySet());
            writer.commit();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private Map<String, String> commitData() {
        return Map.of(REVISION_KEY, Long.toString(revision.get()), SOURCE_KEY, source);
    }

    public SearchResult search(KbQuery query) {
        Synonyms current = synonyms;
        Lexicon words = lexicon;
        return withSearcher(searcher -> {
            List<String> translated =
                    words == Lexicon.none() ? List.of() : translated(searcher, words, Queries.asked(query.text()));
            Optional<Query> within = queries.withinAudiences(query, current, translated);
            if (within.isEmpty()) {
                return SearchResult.empty();
            }
            return ranking.search(searcher, within.get(), query, current, translated, fusion);
        });
    }

    /**
     * Hits are counted exactly up to this many; beyond it the total is a lower bound ({@link SearchResult#exact()} false)
     * and the facets count the best this-many hits. Counting every match of a broad query over a million articles
     * would visit and score all of them; stopping here lets Lucene skip blocks that cannot reach the top (block-max
     * WAND), which is what keeps a search fast at scale (benchmarks/kb/SCALE.md).
     */
    public static final int COUNT_LIMIT = 1000;

    /**
     * When more than {@link #COUNT_LIMIT} match, the facets count the best this-many. Collecting the best 1,000 kept the
     * max-score pruning's threshold at the 1,000th score; the best 100 let it skip far more (p95 at a million articles
     * 24 → 20 ms in an A/B, benchmarks/kb/SCALE.md). Up to 1,000 matches the facets still count every one.
     */
    public static final int FACET_SAMPLE = 100;

    /** Threads that search an index's slices side by side: as many as cores, shared by every open index. */
    private static final java.util.concurrent.ExecutorService SEARCH_POOL =
            java.util.concurrent.Executors.newFixedThreadPool(
                    Runtime.getRuntime().availableProcessors(),
                    Thread.ofPlatform().daemon().name("kb-search-", 0).factory());

    /** The hits of this page of documents, with their snippets in the same order. */
    static List<SearchResult.Hit> hits(IndexSearcher searcher, ScoreDoc[] page, String[] snippets) throws IOException {
        StoredFields stored = searcher.storedFields();
        List<SearchResult.Hit> hits = new ArrayList<>(page.length);
        for (int i = 0; i < page.length; i++) {
            Document document = stored.document(page[i].doc, Set.of(Fields.ID, Fields.TITLE));
            hits.add(new SearchResult.Hit(
                    document.get(Fields.ID), document.get(Fields.TITLE), snippets[i], page[i].score));
        }
        return hits;
    }

    /**
     * Up to {@code limit} titles that contain what was typed so far, within the audiences (empty: all),
     * shortest and best-matching first.
     */
    public List<Suggestion> suggest(String prefix, Set<String> audiences, int limit) {
        Optional<Query> query = queries.suggestions(Queries.capped(Objects.requireNonNullElse(prefix, "")), audiences);
        if (query.isEmpty() || limit < 1) {
            return List.of();
        }
        return withSearcher(searcher -> {
            TopDocs top = searcher.search(query.get(), limit);
            StoredFields stored = searcher.storedFields();
            List<Suggestion> suggestions = new ArrayList<>();
            for (ScoreDoc hit : top.scoreDocs) {
                Document document = stored.document(hit.doc, Set.of(Fields.ID, Fields.TITLE));
                suggestions.add(new Suggestion(document.get(Fields.ID), document.get(Fields.TITLE)));
            }
            return suggestions;
        });
    }

    /** Documents like the one with this id (not itself), within the audiences (empty: all). */
    public List<SearchResult.Hit> similarTo(String id, Set<String> audiences, int limit) {
        return withSearcher(searcher -> {
            TopDocs self = searcher.search(new TermQuery(new Term(Fields.ID, id)), 1);
            if (self.scoreDocs.length == 0) {
                return List.of();
            }
            Document document =
                    searcher.storedFields().document(self.scoreDocs[0].doc, Set.of(Fields.TITLE, Fields.BODY));
            return similar.find(
                    searcher, document.get(Fields.TITLE) + "\n" + document.get(Fields.BODY), audiences, limit, id);
        });
    }

    /** Documents about what this free text is about (e.g. a ticket being typed), within the audiences. */
    public List<SearchResult.Hit> similarToText(String text, Set<String> audiences, int limit) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return withSearcher(searcher -> similar.find(searcher, text, audiences, limit, null));
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @FunctionalInterface
    private interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    @Override
    public void close() {
        if (feeder != null) {
            feeder.close(); // finishes its batch first: no write after the writer is closed
        }
        try (directory;
                writer;
                searchers) {
            writer.setLiveCommitData(commitData().entrySet());
            // closes the searchers, then commits and closes the writer, then the directory
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
