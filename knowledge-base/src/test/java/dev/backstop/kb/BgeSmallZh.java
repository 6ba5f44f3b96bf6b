package dev.backstop.kb;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.util.List;

/**
 * The real model behind the hybrid-search tests and the quality benchmark: BAAI bge-small-zh-v1.5, quantized ONNX,
 * in-process (the jar carries model and tokenizer; no network). One instance per JVM: loading takes a second or two.
 */
final class BgeSmallZh implements Embedder {

    /** bge's instruction for short questions against passages; measured in benchmarks/kb/QUALITY.md. */
    static final String QUERY_INSTRUCTION = "为这个句子生成表示以用于检索相关文章：";

    private static BgeSmallZh shared;

    private final BgeSmallZhV15QuantizedEmbeddingModel model = new BgeSmallZhV15QuantizedEmbeddingModel();
    volatile String queryPrefix = "";

    static synchronized BgeSmallZh shared() {
        if (shared == null) {
            shared = new BgeSmallZh();
        }
        return shared;
    }

    @Override
    public String model() {
        return "bge-small-zh-v1.5-q";
    }

    @Override
    public int dimensions() {
        return 512;
    }

    @Override
    public float[] embedQuery(String text) {
        return model.embed(queryPrefix + text).content().vector();
    }

    @Override
    public List<float[]> embedDocuments(List<String> texts) {
        return model.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                .map(Embedding::vector)
                .toList();
    }
}
