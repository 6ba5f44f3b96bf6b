package dev.backstop.kb;

import java.util.List;

/**
 * Turns text into a dense vector for the semantic half of the search (see {@link KnowledgeBase#open(java.nio.file.Path,
 * Analysis, Embedder)}). The library does not know which model is behind it; the app wires one in (e.g. BAAI
 * bge-small-zh-v1.5 run in-process).
 *
 * <p>{@link #model()} names the vectors: each article's vector is stored with it, and when it changes (another model,
 * another version, another prefix) every article is embedded again in the background, while the old vectors are no
 * longer searched. Implementations must be thread-safe: queries are embedded on the searching threads while articles
 * are embedded on the knowledge base's own background thread.
 */
public interface Embedder {

    /** Names the model and everything else that changes the vectors; stored with every vector. */
    String model();

    /** Length of every vector this embedder returns. */
    int dimensions();

    /** The vector of a question, as typed into the search box. */
    float[] embedQuery(String text);

    /** The vectors of articles (title and body), in the order given. */
    List<float[]> embedDocuments(List<String> texts);
}
