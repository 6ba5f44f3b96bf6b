package dev.backstop.imports;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts cell text to values without throwing: a bad value is a {@link Parsed} carrying a code.
 * Full-width characters are folded first ({@code ２０２６／１１／２２}, {@code ￥１，２３４．５０}).
 */
public final class Values {

    private static final DateTimeFormatter ISO = formatter("uuuu-M-d");
    private static final DateTimeFormatter SLASHED = formatter("uuuu/M/d");
    private static final DateTimeFormatter COMPACT = formatter("uuuuMMdd");
    private static final DateTimeFormatter CHINESE = formatter("uuuu年M月d日");
    /** ERP exports often append a midnight time: {@code 1996-07-04 00:00:00.000}. */
    private static final Pattern MIDNIGHT = Pattern.compile("(.+?)[ T]00:00(:00(\\.0+)?)?");
    private static final Pattern AMOUNT = Pattern.compile("([+-]?)(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?");
    private static final Pattern CURRENCY = Pattern.compile("^(?:¥|RMB|CNY)\\s*|\\s*(?:元|RMB|CNY)$",
            Pattern.CASE_INSENSITIVE);

    private Values() {
    }

    /** {@code 2026-11-22}, {@code 2026/11/22}, {@code 20261122}, {@code 2026年11月22日}, optionally with a midnight time. */
    public static Parsed<LocalDate> date(String text) {
        String value = fold(text);
        if (value.isEmpty()) {
            return Parsed.failed(ImportCodes.VALUE_EMPTY);
        }
        Matcher midnight = MIDNIGHT.matcher(value);
        String date = midnight.matches() ? midnight.group(1) : value;
        for (DateTimeFormatter format : List.of(ISO, SLASHED, COMPACT, CHINESE)) {
            try {
                return Parsed.ok(LocalDate.parse(date, format));
            } catch (DateTimeParseException ex) {
                // try the next format
            }
        }
        return Parsed.failed(ImportCodes.VALUE_DATE, value);
    }

    /** {@code 1234.5}, {@code 1,234.50}, {@code ¥1,234.50}, {@code 1234.5元}, {@code -12}; never {@code 1.234,50}. */
    public static Parsed<BigDecimal> amount(String text) {
        String value = fold(text);
        if (value.isEmpty()) {
            return Parsed.failed(ImportCodes.VALUE_EMPTY);
        }
        Matcher number = AMOUNT.matcher(CURRENCY.matcher(value).replaceAll(""));
        if (!number.matches()) {
            return Parsed.failed(ImportCodes.VALUE_AMOUNT, value);
        }
        String digits = number.group(2).replace(",", "");
        String fraction = number.group(3) == null ? "" : number.group(3);
        return Parsed.ok(new BigDecimal(number.group(1) + digits + fraction));
    }

    private static String fold(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
    }

    private static DateTimeFormatter formatter(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
    }

    /** A converted value, or the code (and arguments) of why it could not be converted. */
    public record Parsed<T>(T value, String code, List<String> arguments) {

        public Parsed {
            arguments = List.copyOf(arguments);
        }

        static <T> Parsed<T> ok(T value) {
            return new Parsed<>(value, null, List.of());
        }

        static <T> Parsed<T> failed(String code, String... arguments) {
            return new Parsed<>(null, code, List.of(arguments));
        }

        public boolean isOk() {
            return code == null;
        }

        /** This failure as a row error of the given cell. */
        public RowError toError(long line, String column, String rawValue) {
            if (isOk()) {
                throw new IllegalStateException("Not a failure: " + value);
            }
            return new RowError(line, column, rawValue, code, arguments);
        }
    }
}
