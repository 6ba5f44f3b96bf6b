package dev.backstop.imports;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Text that decodes as valid UTF-8 but was garbled on its way: Chinese GBK / GB18030 bytes once read as Latin-1 or
 * Windows-1252 and saved again ({@code ¾­ÏúÉÌ±àÂë} for 经销商编码), or UTF-8 bytes once read as GBK and saved again
 * ({@code 缁忛攢鍟嗙紪鐮} …). Undoing the wrong step gives readable Chinese only when it is mojibake, so that is
 * the test; a file is never changed, only warned about.
 */
final class Mojibake {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset GBK = Charset.forName("GBK");
    private static final List<Charset> WESTERN = List.of(StandardCharsets.ISO_8859_1, Charset.forName("windows-1252"));

    private Mojibake() {}

    /** The text as it most likely was, when this text reads like mojibake of Chinese; empty otherwise. */
    static Optional<String> repaired(String text) {
        long western =
                text.chars().filter(c -> c >= 0x80 && c <= 0x2122 && !isCjk(c)).count();
        if (western >= 4) {
            for (Charset charset : WESTERN) {
                Optional<String> chinese = redecode(text, charset, GB18030).filter(t -> cjk(t) >= 2);
                if (chinese.isPresent()) {
                    return chinese;
                }
            }
        }
        if (cjk(text) >= 2) {
            String utf8 = leniently(text);
            long broken = utf8.chars().filter(c -> c == '\uFFFD').count();
            if (cjk(utf8) >= 2 && broken * 4 <= cjk(utf8) && utf8.length() < text.length()) {
                return Optional.of(utf8);
            }
        }
        return Optional.empty();
    }

    /**
     * {@code text} encoded as GBK and decoded as UTF-8, a character that does not survive replaced: a UTF-8 file read as
     * GBK loses the odd byte of its last character ({@code 鍙�}). Real Chinese comes out as replacement characters.
     */
    private static String leniently(String text) {
        byte[] bytes = text.getBytes(GBK);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** {@code text} encoded as {@code wrong} and decoded as {@code right}, both strictly; empty if either fails. */
    private static Optional<String> redecode(String text, Charset wrong, Charset right) {
        try {
            ByteBuffer bytes = wrong.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            return Optional.of(right.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString());
        } catch (CharacterCodingException notMojibake) {
            return Optional.empty();
        }
    }

    private static long cjk(String text) {
        return text.chars().filter(Mojibake::isCjk).count();
    }

    private static boolean isCjk(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
