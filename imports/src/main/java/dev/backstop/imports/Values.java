package dev.backstop.imports;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts cell text to values without throwing: a bad value is a {@link Parsed} carrying a code.
 * Full-width characters are folded first ({@code ２０２６／１１／２２}, {@code ￥１，２３４．５０}).
 * <p>
 * A little over 300 lines on purpose: one short converter per {@link FieldType}, sharing the folding and the fast
 * paths for machine exports, reads best side by side; phone numbers, the one converter with rules of its own, are in
 * {@link Phones}.
 */
public final class Values {

    private static final DateTimeFormatter ISO = formatter("uuuu-M-d");
    private static final DateTimeFormatter SLASHED = formatter("uuuu/M/d");
    private static final DateTimeFormatter COMPACT = formatter("uuuuMMdd");
    private static final DateTimeFormatter CHINESE = formatter("uuuu年M月d日");
    /** ERP exports often append a midnight time: {@code 1996-07-04 00:00:00.000}. */
    private static final Pattern MIDNIGHT = Pattern.compile("(.+?)[ T]00:00(:00(\\.0+)?)?");

    private static final Pattern AMOUNT = Pattern.compile("([+-]?)(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?");
    private static final Pattern CURRENCY =
            Pattern.compile("^(?:¥|RMB|CNY)\\s*|\\s*(?:元|RMB|CNY)$", Pattern.CASE_INSENSITIVE);

    /** A date followed by a time: {@code 13:45}, {@code 13:45:07}, {@code 13:45:07.123}, {@code 13时45分(07秒)}. */
    private static final Pattern DATE_TIME = Pattern.compile(
            "(.+?)(?:[ T]+|(?<=日))(\\d{1,2})[:时](\\d{1,2})(?:分)?(?:[:]?(\\d{1,2})(?:\\.(\\d{1,9}))?秒?)?");

    private static final Pattern COMPACT_DATE_TIME = Pattern.compile("(\\d{8})[ T]?(\\d{2})(\\d{2})(\\d{2})?");
    private static final Pattern QUANTITY_UNIT =
            Pattern.compile("\\s*(?:件|个|台|箱|套|只|包|瓶|盒|袋|pcs|pc|units?)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern INTEGER = Pattern.compile("[+-]?(\\d{1,3}(?:,\\d{3})+|\\d+)");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Map<String, Boolean> BOOLEANS = Map.ofEntries(
            Map.entry("是", true),
            Map.entry("否", false),
            Map.entry("y", true),
            Map.entry("n", false),
            Map.entry("yes", true),
            Map.entry("no", false),
            Map.entry("true", true),
            Map.entry("false", false),
            Map.entry("1", true),
            Map.entry("0", false),
            Map.entry("√", true),
            Map.entry("×", false),
            Map.entry("有", true),
            Map.entry("无", false));

    private Values() {}

    /** {@code 2026-11-22}, {@code 2026/11/22}, {@code 20261122}, {@code 2026年11月22日}, optionally with a midnight time. */
    public static Parsed<LocalDate> date(String text) {
        String value = fold(text);
        if (value.isEmpty()) {
            return Parsed.failed(ImportCodes.VALUE_EMPTY);
        }
        LocalDate iso = isoDate(value);
        if (iso != null) {
            return Parsed.ok(iso);
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
        BigDecimal plain = plainNumber(value);
        if (plain != null) {
            return Parsed.ok(plain);
        }
        Matcher number = AMOUNT.matcher(CURRENCY.matcher(value).replaceAll(""));
        if (!number.matches()) {
            return Parsed.failed(ImportCodes.VALUE_AMOUNT, value);
        }
        String digits = number.group(2).replace(",", "");
        String fraction = number.group(3) == null ? "" : number.group(3);
        return Parsed.ok(new BigDecimal(number.group(1) + digits + fraction));
    }

    /**
     * A date with an optional time: every format of {@link #date(String)} followed by {@code 13:45},
     * {@code 13:45:07(.123)} or {@code 13时45分(07秒)}; also {@code 2026-11-22T13:45:07} and
     * {@code 20261122134507}. A date alone is midnight.
     */
    public static Parsed<LocalDateTime> dateTime(String text) {
        String value = fold(text);
        if (value.isEmpty()) {
            return Parsed.failed(ImportCodes.VALUE_EMPTY);
        }
        Parsed<LocalDate> dateOnly = date(value);
        if (dateOnly.isOk()) {
            return Parsed.ok(dateOnly.value().atStartOfDay());
        }
        Matcher compact = COMPACT_DATE_TIME.matcher(value);
        Matcher full = DATE_TIME.matcher(value);
        String datePart;
        int hour;
        int minute;
        int second = 0;
        int nanos = 0;
        if (compact.matches()) {
            datePart = compact.group(1);
            hour = Integer.parseInt(compact.group(2));
            minute = Integer.parseInt(compact.group(3));
            second = compact.group(4) == null ? 0 : Integer.parseInt(compact.group(4));
        } else if (full.matches()) {
            datePart = full.group(1);
            hour = Integer.parseInt(full.group(2));
            minute = Integer.parseInt(full.group(3));
            second = full.group(4) == null ? 0 : Integer.parseInt(full.group(4));
            nanos = full.group(5) == null ? 0 : Integer.parseInt((full.group(5) + "00000000").substring(0, 9));
        } else {
            return Parsed.failed(ImportCodes.VALUE_DATETIME, value);
        }
        Parsed<LocalDate> date = date(datePart);
        if (!date.isOk() || hour > 23 || minute > 59 || second > 59) {
            return Parsed.failed(ImportCodes.VALUE_DATETIME, value);
        }
        return Parsed.ok(LocalDateTime.of(date.value(), LocalTime.of(hour, minute, second, nanos)));
    }

    /** A non-negative count or measure: {@code 12}, {@code 1,200}, {@code 2.5}, {@code 12件}, {@code 30 pcs}. */
    public static Parsed<BigDecimal> quantity(String text) {
        String value = fold(text);
        if (value.isEmpty()) {
            return Parsed.failed(ImportCodes.VALUE_EMPTY);
        }
        BigDecimal plain = value.charAt(0) == '-' ? null : plainNumber(value);
        if (plain != null) {
            return Parsed.ok(plain);
        }
        Matcher number = AMOUNT.matcher(QUANTITY_UNIT.matcher(value).replaceAll(""));
        if (!number.matches() || number.group(1).equals("-")) {
            return Parsed.failed(ImportCodes.VALUE_QUANTITY, value);
        }
        String fraction = number.group(3) == null ? "" : number.group(3);
        return Parsed.ok(new BigDecimal(number.group(2).replace(",", "") + fraction));
    }

    /** A whole number: {@code 42}, {@code -3}, {@code 1,200}. */
    public static Parsed<Long> integer(String text) {
        String value = fold(text);
        if (value.isEmpty()) {
            return Parsed.failed(ImportCodes.VALUE_EMPTY);
        }
        if (value.length() <= 18 && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Parsed.ok(Long.parseLong(value));
        }
        if (!INTEGER.matcher(value).matches() || value.replaceAll("\\D", "").length() > 18) {
            return Parsed.failed(ImportCodes.VALUE_INTEGER, value);
        }
        return Parsed.ok(Long.parseLong(value.replace(",", "").replace("+", "")));
    }

    /** 是/否, Y/N, yes/no, true/false, 1/0, √/×, 有/无. */
    public static Parsed<Boolean> bool(String text) {
        String value = fold(text);
        if (value.isEmpty()) {
            return Parsed.failed(ImportCodes.VALUE_EMPTY);
        }
        Boolean result = BOOLEANS.get(value.toLowerCase(Locale.ROOT));
        return result == null ? Parsed.failed(ImportCodes.VALUE_BOOLEAN, value) : Parsed.ok(result);
    }

    /**
     * One of a fixed set of codes, given either as the code or as one of its labels (Chinese or English),
     * compared ignoring case, width and surrounding spaces. {@code labelsByCode}: code → its labels.
     */
    public static Parsed<String> choice(String text, Map<String, List<String>> labelsByCode) {
        String value = fold(text);
        if (value.isEmpty()) {
            return Parsed.failed(ImportCodes.VALUE_EMPTY);
        }
        String code = lookup(labelsByCode).get(value.toLowerCase(Locale.ROOT));
        if (code != null) {
            return Parsed.ok(code);
        }
        return Parsed.failed(
                ImportCodes.VALUE_ENUM,
                value,
                String.join(", ", labelsByCode.keySet().stream().sorted().toList()));
    }

    private static final Map<Map<String, List<String>>, Map<String, String>> LOOKUPS =
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    /** Folded, lower-case code and labels → code, computed once per choice map (they are constants of a field). */
    private static Map<String, String> lookup(Map<String, List<String>> labelsByCode) {
        Map<String, String> lookup = LOOKUPS.get(labelsByCode);
        if (lookup == null) {
            Map<String, String> built = new java.util.HashMap<>();
            labelsByCode.forEach((code, labels) -> {
                labels.forEach(label -> built.putIfAbsent(fold(label).toLowerCase(Locale.ROOT), code));
            });
            labelsByCode.keySet().forEach(code -> built.put(code.toLowerCase(Locale.ROOT), code));
            lookup = Map.copyOf(built);
            if (LOOKUPS.size() > 1000) {
                LOOKUPS.clear();
            }
            LOOKUPS.put(labelsByCode, lookup);
        }
        return lookup;
    }

    /**
     * A Chinese mobile ({@code 138 1234 5678}, {@code +86-13812345678} → {@code 13812345678}), landline with
     * area code ({@code (021) 6123-4567} → {@code 021-61234567}, extension kept as {@code 转123}), service
     * number ({@code 400-123-4567} → {@code 4001234567}); an international number in E.164 as libphonenumber
     * reads it ({@code +49 30 1234567}, {@code 0049 30 1234567} → {@code +49301234567}); a foreign number written
     * without its country code ({@code 030-0074321}, {@code (5) 555-4729}: its country cannot be known) as its
     * dialable digits ({@code 0300074321}, {@code 55554729}). A number shaped like a Chinese one that is not valid
     * (too short or too long a mobile, an 02x / 010 area code with the wrong number of digits) is refused.
     */
    public static Parsed<String> phone(String text) {
        String value = fold(text);
        return value.isEmpty() ? Parsed.failed(ImportCodes.VALUE_EMPTY) : Phones.parse(value);
    }

    /** A plausible e-mail address, folded to lower case. */
    public static Parsed<String> email(String text) {
        String value = fold(text);
        if (value.isEmpty()) {
            return Parsed.failed(ImportCodes.VALUE_EMPTY);
        }
        return EMAIL.matcher(value).matches() && value.length() <= 254
                ? Parsed.ok(value.toLowerCase(Locale.ROOT))
                : Parsed.failed(ImportCodes.VALUE_EMAIL, value);
    }

    /** NFKC folding (full-width digits and letters), skipped for plain ASCII, which it would not change. */
    private static String fold(String text) {
        if (text == null) {
            return "";
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
            }
        }
        return text.strip();
    }

    /** {@code 2026-11-22}, the form most machine exports use, without a formatter; null when not that form. */
    private static LocalDate isoDate(String value) {
        if (value.length() != 10 || value.charAt(4) != '-' || value.charAt(7) != '-') {
            return null;
        }
        for (int i : new int[] {0, 1, 2, 3, 5, 6, 8, 9}) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return null;
            }
        }
        try {
            return LocalDate.of(
                    Integer.parseInt(value, 0, 4, 10),
                    Integer.parseInt(value, 5, 7, 10),
                    Integer.parseInt(value, 8, 10, 10));
        } catch (java.time.DateTimeException invalid) {
            return null;
        }
    }

    /** Digits with an optional sign and decimal part, the form most machine exports use; null when not that form. */
    private static BigDecimal plainNumber(String value) {
        int start = value.startsWith("-") || value.startsWith("+") ? 1 : 0;
        int dot = -1;
        if (start == value.length()) {
            return null;
        }
        for (int i = start; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '.' && dot < 0 && i > start && i < value.length() - 1) {
                dot = i;
            } else if (c < '0' || c > '9') {
                return null;
            }
        }
        return new BigDecimal(value.charAt(0) == '+' ? value.substring(1) : value);
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
