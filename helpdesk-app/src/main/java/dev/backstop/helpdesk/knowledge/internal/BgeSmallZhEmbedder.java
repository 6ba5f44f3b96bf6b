package dev.backstop.helpdesk.knowledge.internal;

import dev.backstop.kb.Embedder;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.util.List;

/**
 * The knowledge base's dense model: BAAI bge-small-zh-v1.5, quantized ONNX, run in-process (model and tokenizer come in
 * the jar; no network). 512 dimensions. Chosen by measurement over the law-only query set (benchmarks/kb/QUALITY.md):
 * questions are embedded as typed, without bge's retrieval instruction, which measured worse.
 */
final class BgeSmallZhEmbedder implements Embedder {

    private final BgeSmallZhV15QuantizedEmbeddingModel model = new BgeSmallZhV15QuantizedEmbeddingModel();

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
        return model.embed(text).content().vector();
    }

    @Override
    public List<float[]> embedDocuments(List<String> texts) {
        return model.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                .map(Embedding::vector)
                .toList();
    }
}
