package dev.backstop.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;

/**
 * Finds how a file is encoded before any row is parsed: a wrong charset gives silent mojibake, not
 * an error. A byte-order mark decides; otherwise the whole file must decode as UTF-8, else as
 * GB18030 (what Excel and WPS save on a Chinese Windows). One streaming pass per candidate, constant
 * memory.
 */
final class TextProbe {

    private static final ByteOrderMark[] MARKS = {ByteOrderMark.UTF_8, ByteOrderMark.UTF_16LE, ByteOrderMark.UTF_16BE};
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final int SNIFF_BYTES = 8192;
    private static final int MAX_HEADER_CHARS = 65536;

    /** Either a charset and the first line of text, or the problem that stops the import. */
    record Result(Charset charset, String firstLine, long nonBlankLines, RowError problem) {}

    private TextProbe() {}

    static Result probe(Path file, Optional<Charset> forced) throws IOException {
        Optional<Charset> marked = byteOrderMark(file);
        if (marked.isEmpty() && hasNulByte(file)) {
            return failed(ImportCodes.FILE_BINARY);
        }
        List<Charset> candidates =
                forced.map(List::of).or(() -> marked.map(List::of)).orElse(List.of(StandardCharsets.UTF_8, GB18030));
        for (Charset candidate : candidates) {
            Scan scan = scan(file, candidate);
            if (scan instanceof Binary) {
                return failed(ImportCodes.FILE_BINARY);
            }
            if (scan instanceof Text text) {
                return text.firstLine.isBlank() && !text.anyText
                        ? failed(ImportCodes.FILE_EMPTY)
                        : new Result(candidate, text.firstLine, text.nonBlankLines, null);
            }
        }
        return failed(
                ImportCodes.FILE_ENCODING,
                String.join(", ", candidates.stream().map(Charset::name).toList()));
    }

    /** The input without its byte-order mark. */
    static InputStream open(Path file) throws IOException {
        return BOMInputStream.builder()
                .setInputStream(Files.newInputStream(file))
                .setByteOrderMarks(MARKS)
                .get();
    }

    private static Optional<Charset> byteOrderMark(Path file) throws IOException {
        try (BOMInputStream in = (BOMInputStream) open(file)) {
            return Optional.ofNullable(in.getBOMCharsetName()).map(Charset::forName);
        }
    }

    private static boolean hasNulByte(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            for (byte b : in.readNBytes(SNIFF_BYTES)) {
                if (b == 0) {
                    return true;
                }
            }
            return false;
        }
    }

    /** What one decoding pass found: text, control characters, or bytes the charset rejects. */
    private sealed interface Scan permits Text, Binary, Malformed {}

    private record Text(String firstLine, boolean anyText, long nonBlankLines) implements Scan {}

    private record Binary() implements Scan {}

    private record Malformed() implements Scan {}

    private static Scan scan(Path file, Charset charset) throws IOException {
        var decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(file), decoder))) {
            StringBuilder firstLine = new StringBuilder();
            boolean inFirstLine = true;
            boolean anyText = false;
            boolean lineHasText = false;
            long nonBlankLines = 0;
            char[] buffer = new char[8192];
            for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    char c = buffer[i];
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                        return new Binary();
                    }
                    boolean text = !Character.isWhitespace(c) && c != '\uFEFF';
                    anyText |= text;
                    if (c == '\n') {
                        nonBlankLines += lineHasText ? 1 : 0;
                        lineHasText = false;
                    } else {
                        lineHasText |= text;
                    }
                    if (inFirstLine && (c == '\n' || firstLine.length() >= MAX_HEADER_CHARS)) {
                        inFirstLine = false;
                    } else if (inFirstLine && c != '\r') {
                        firstLine.append(c);
                    }
                }
            }
            return new Text(firstLine.toString(), anyText, nonBlankLines + (lineHasText ? 1 : 0));
        } catch (CharacterCodingException ex) {
            return new Malformed();
        }
    }

    private static Result failed(String code, Object... arguments) {
        return new Result(null, null, 0, RowError.of(0, null, null, code, arguments));
    }

    /** Comma, semicolon or tab: whichever occurs most often outside quotes in the header line. */
    static char delimiterOf(String headerLine) {
        char best = ',';
        int bestCount = 0;
        for (char candidate : new char[] {',', ';', '\t'}) {
            int count = 0;
            boolean quoted = false;
            for (char c : headerLine.toCharArray()) {
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == candidate && !quoted) {
                    count++;
                }
            }
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }
}
