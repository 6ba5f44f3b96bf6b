package dev.backstop.kb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The knowledge base: index articles, search them with highlighted snippets.
 *
 * <p><b>Visibility and durability.</b> Every {@link #index} and {@link #delete} refreshes the
 * near-real-time searcher before it returns, so the next {@link #search} on any thread sees the
 * change (articles are edited by people, a few per minute; a bulk load should use
 * {@link #indexAll}, which refreshes once). Changes become durable on disk at {@link #commit()} and
 * at {@link #close()}; after a crash the app re-indexes from its database, which is the source of
 * truth.
 *
 * <p>Thread-safe. Later issues add {@code suggest(prefix, limit)} (an {@code AnalyzingInfixSuggester}
 * over titles), {@code similarTo(id, limit)} ({@code MoreLikeThis} on the body) and facet counts on
 * category and tags (doc values written in {@link KbDocuments}).
 */
public final class KnowledgeBase implements AutoCloseable {

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Queries queries;
    private final Snippets snippets;

    private KnowledgeBase(Directory directory, Analysis analysis) throws IOException {
        this.directory = directory;
        IndexWriterConfig config = new IndexWriterConfig(analysis.analyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        this.writer = new IndexWriter(directory, config);
        this.searchers = new SearcherManager(writer, null);
        this.queries = new Queries(analysis.analyzer());
        this.snippets = new Snippets(analysis);
    }

    /** Opens (or creates) the index in the given directory. */
    public static KnowledgeBase open(Path directory, Analysis analysis) {
        try {
            return new KnowledgeBase(FSDirectory.open(directory), analysis);
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot open the knowledge base index at " + directory, ex);
        }
    }

    /** An index that lives only in memory; for tests and demos. */
    public static KnowledgeBase inMemory(Analysis analysis) {
        try {
            return new KnowledgeBase(new ByteBuffersDirectory(), analysis);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Adds the document, or replaces the one with the same id; visible to the next search. */
    public void index(KbDocument document) {
        indexAll(List.of(document));
    }

    /** Adds or replaces all documents, then refreshes once. */
    public void indexAll(Iterable<KbDocument> documents) {
        try {
            for (KbDocument document : documents) {
                writer.updateDocument(new Term(Fields.ID, document.id()), KbDocuments.toLucene(document));
            }
            searchers.maybeRefreshBlocking();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Removes the document with this id, if there is one; visible to the next search. */
    public void delete(String id) {
        try {
            writer.deleteDocuments(new Term(Fields.ID, id));
            searchers.maybeRefreshBlocking();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Makes every change so far durable. */
    public void commit() {
        try {
            writer.commit();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public SearchResult search(KbQuery query) {
        Optional<Query> lucene = queries.toLucene(query);
        if (lucene.isEmpty()) {
            return SearchResult.empty();
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return search(searcher, lucene.get(), query);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private SearchResult search(IndexSearcher searcher, Query query, KbQuery request) throws IOException {
        int wanted = request.offset() + request.limit();
        TopDocs top = searcher.search(query, new TopScoreDocCollectorManager(wanted, Integer.MAX_VALUE));
        ScoreDoc[] all = top.scoreDocs;
        if (request.offset() >= all.length) {
            return new SearchResult(top.totalHits.value(), List.of());
        }
        ScoreDoc[] page = Arrays.copyOfRange(all, request.offset(), all.length);
        String[] highlighted = snippets.highlight(searcher, request.text(), new TopDocs(top.totalHits, page));
        StoredFields stored = searcher.storedFields();
        List<SearchResult.Hit> hits = new ArrayList<>(page.length);
        for (int i = 0; i < page.length; i++) {
            Document document = stored.document(page[i].doc, Set.of(Fields.ID, Fields.TITLE));
            hits.add(new SearchResult.Hit(document.get(Fields.ID), document.get(Fields.TITLE), highlighted[i],
                    page[i].score));
        }
        return new SearchResult(top.totalHits.value(), hits);
    }

    @Override
    public void close() {
        try (directory; writer; searchers) {
            // closes the searchers, then commits and closes the writer, then the directory
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
