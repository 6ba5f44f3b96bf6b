package dev.backstop.helpdesk.imports.internal;

import dev.backstop.imports.CsvRow;
import dev.backstop.imports.ParsedRow;
import dev.backstop.imports.RecordSchema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads and validates the next batches on a second thread while the current one is written: parsing and the
 * database then overlap. At most two batches wait, so memory stays bounded; order is kept, so checkpoints count
 * the same records.
 */
final class ReadAhead implements AutoCloseable {

    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(2);
    private final Thread reader;

    ReadAhead(Iterator<CsvRow> rows, RecordSchema schema, int batchSize) {
        reader = Thread.ofPlatform().name("import-reader").daemon().start(() -> {
            try {
                while (rows.hasNext()) {
                    List<ParsedRow> batch = new ArrayList<>(batchSize);
                    while (rows.hasNext() && batch.size() < batchSize) {
                        batch.add(schema.validate(rows.next()));
                    }
                    queue.put(batch);
                }
                queue.put(END);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException failed) {
                queue.clear();
                queue.offer(failed);
            }
        });
    }

    /** The next batch in file order, or null at the end. */
    @SuppressWarnings("unchecked")
    List<ParsedRow> next() {
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the import file", ex);
        }
        if (item == END) {
            queue.offer(END);
            return null;
        }
        if (item instanceof RuntimeException failed) {
            throw failed;
        }
        return (List<ParsedRow>) item;
    }

    @Override
    public void close() {
        reader.interrupt();
        try {
            reader.join(10_000);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
