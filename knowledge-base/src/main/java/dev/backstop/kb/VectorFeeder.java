package dev.backstop.kb;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;

/**
 * Adds the vectors, off the caller's thread. {@link KnowledgeBase#index} writes an article without a vector (so it is
 * found by its words at once); this feeder's one background thread finds the articles that have no vector of the
 * current {@link Embedder#model()}, embeds a batch of them from their stored fields and writes each again with its
 * vector. An article the owner replaced or deleted while its batch was being embedded is left alone: its new version
 * is picked up by the next round. After a restart, or when the model changes, the same loop works through whatever
 * lacks a current vector; nothing is re-embedded that already has one.
 */
final class VectorFeeder implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(VectorFeeder.class.getName());
    static final int BATCH = 32;
    /** Articles per round; each round ends with one refresh of the searchers. */
    private volatile int batchSize = BATCH;

    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Embedder embedder;
    private final Object writes;
    /** Ids the owner wrote or deleted while a batch was being embedded (guarded by {@code writes}). */
    private final Set<String> written = new HashSet<>();

    private boolean everythingWritten; // guarded by writes: deleteAll during a batch
    private boolean inFlight; // guarded by writes
    private final Thread thread;
    private volatile boolean closed;
    private boolean wanted = true; // guarded by this

    VectorFeeder(IndexWriter writer, SearcherManager searchers, Embedder embedder, Object writes) {
        this.writer = writer;
        this.searchers = searchers;
        this.embedder = embedder;
        this.writes = writes;
        this.thread = Thread.ofPlatform().daemon().name("kb-embed").start(this::loop);
    }

    /** Called under the write lock for every id the owner writes or deletes; null for all of them. */
    void written(String id) {
        if (inFlight) {
            if (id == null) {
                everythingWritten = true;
            } else {
                written.add(id);
            }
        }
    }

    /** For benchmarks whose embedder is instant: more articles per refresh. */
    void batchSize(int articles) {
        this.batchSize = articles;
    }

    /** There may be new articles without a vector. */
    synchronized void wake() {
        wanted = true;
        notifyAll();
    }

    /** Documents that have no vector of the current model yet. */
    Query lacking() {
        return new BooleanQuery.Builder()
                .add(new MatchAllDocsQuery(), Occur.MUST)
                .add(new TermQuery(new Term(Fields.VECTOR_MODEL, embedder.model())), Occur.MUST_NOT)
                .build();
    }

    private void loop() {
        while (!closed) {
            try {
                if (!awaitWork()) {
                    return;
                }
                long start = System.nanoTime();
                int embedded = 0;
                for (int batch; !closed && (batch = feedOneBatch()) > 0; ) {
                    embedded += batch; // until nothing lacks a vector
                }
                if (embedded > 0) {
                    double seconds = (System.nanoTime() - start) / 1e9;
                    LOG.log(
                            System.Logger.Level.INFO,
                            String.format(
                                    java.util.Locale.ROOT,
                                    "Embedded %d articles with %s in %.1f s (%.1f articles/s)",
                                    embedded,
                                    embedder.model(),
                                    seconds,
                                    embedded / seconds));
                }
            } catch (RuntimeException | IOException ex) {
                if (closed) {
                    return;
                }
                LOG.log(System.Logger.Level.WARNING, "Embedding articles failed; trying again in 10 s", ex);
                pause(Duration.ofSeconds(10));
                wake();
            }
        }
    }

    private synchronized boolean awaitWork() {
        while (!wanted && !closed) {
            try {
                wait();
            } catch (InterruptedException ex) {
                return false;
            }
        }
        wanted = false;
        return !closed;
    }

    /** Embeds up to a batch ({@link #BATCH} unless changed) of articles that lack a vector; how many it found. */
    int feedOneBatch() throws IOException {
        synchronized (writes) {
            inFlight = true;
        }
        try {
            return feed();
        } finally {
            synchronized (writes) {
                inFlight = false;
                everythingWritten = false;
                written.clear();
            }
        }
    }

    private int feed() throws IOException {
        searchers.maybeRefreshBlocking(); // sees every write made before the batch; later ones are in `written`
        List<KbDocument> batch = new ArrayList<>();
        IndexSearcher searcher = searchers.acquire();
        try {
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc hit : searcher.search(lacking(), batchSize).scoreDocs) {
                Document document = stored.document(hit.doc);
                batch.add(KbDocuments.fromStored(document));
            }
        } finally {
            searchers.release(searcher);
        }
        if (batch.isEmpty()) {
            return 0;
        }
        List<float[]> vectors = embedder.embedDocuments(
                batch.stream().map(KbDocuments::embeddedText).toList());
        synchronized (writes) {
            if (closed || everythingWritten) {
                return batch.size();
            }
            for (int i = 0; i < batch.size(); i++) {
                KbDocument document = batch.get(i);
                if (written.contains(document.id())) {
                    continue; // replaced or deleted meanwhile: the next round sees its current version
                }
                writer.updateDocument(
                        new Term(Fields.ID, document.id()),
                        KbDocuments.toLucene(document, vectors.get(i), embedder.model()));
            }
        }
        searchers.maybeRefreshBlocking();
        return batch.size();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        wake(); // no interrupt: an interrupted Lucene write can close the index writer for good
        try {
            thread.join(Duration.ofSeconds(30));
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
