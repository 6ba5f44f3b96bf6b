package dev.backstop.imports;

import dev.backstop.imports.Values.Parsed;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone numbers as {@link Values#phone} reads them: Chinese mobiles, landlines with their area code and service numbers
 * by their shape, with libphonenumber for what the shape cannot decide (a real area code written without its 0) and
 * for international numbers.
 */
final class Phones {

    private static final Pattern PHONE_NOISE = Pattern.compile("[\\s\\-().]");
    private static final Pattern MOBILE = Pattern.compile("(?:\\+?86|0086)?(1[3-9]\\d{9})");
    private static final Pattern LANDLINE =
            Pattern.compile("(?:\\+?86|0086)?0?([1-9]\\d{8,10})((?:转|ext|x|#)\\d{1,6})?", Pattern.CASE_INSENSITIVE);
    private static final Pattern SERVICE = Pattern.compile("([48]00)(\\d{7})");
    private static final Pattern INTERNATIONAL = Pattern.compile("(?:\\+|00)([1-9]\\d{7,14})");
    private static final com.google.i18n.phonenumbers.PhoneNumberUtil PHONES =
            com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance();
    /** Mobiles, Beijing / 02x landlines and service numbers: if such a number is not valid, it is a typo, not foreign. */
    private static final Pattern CHINESE_SHAPED = Pattern.compile(
            "1[\\s\\d\\-]*|(?:010|02\\d)(?:[\\s\\-][\\s\\d\\-]*|\\d*)|\\(0(?:10|2\\d)\\)[\\s\\d\\-]*|[48]00[\\s\\d\\-]*");
    /** A local number of some other country: 7 to 15 digits, grouped by spaces, hyphens, dots or an area in brackets. */
    private static final Pattern FOREIGN_LOCAL =
            Pattern.compile("(?=(?:\\D*\\d){7,15}\\D*$)\\(?\\d+\\)?(?:[ .\\-]?\\(?\\d+\\)?)*");

    private Phones() {}

    /** {@code value}: folded and not empty. */
    static Parsed<String> parse(String value) {
        String compact = PHONE_NOISE.matcher(value).replaceAll("");
        Matcher matcher;
        if ((matcher = MOBILE.matcher(compact)).matches()) {
            return Parsed.ok(matcher.group(1));
        }
        if ((matcher = SERVICE.matcher(compact)).matches()) {
            return Parsed.ok(matcher.group(1) + matcher.group(2));
        }
        boolean chinese = !compact.startsWith("+") && !compact.startsWith("00")
                || compact.startsWith("+86")
                || compact.startsWith("0086");
        if (chinese && (matcher = LANDLINE.matcher(compact)).matches()) {
            String digits = matcher.group(1);
            int area = digits.startsWith("10") || digits.startsWith("2") ? 2 : 3;
            int local = digits.length() - area;
            boolean trunkWritten = compact.startsWith("0") || compact.startsWith("+86") || compact.startsWith("86");
            if ((local == 8 || local == 7 && area == 3) && (trunkWritten || validInChina("0" + digits))) {
                String extension =
                        matcher.group(2) == null ? "" : "转" + matcher.group(2).replaceAll("\\D", "");
                return Parsed.ok("0" + digits.substring(0, area) + "-" + digits.substring(area) + extension);
            }
        }
        if (!chinese && (matcher = INTERNATIONAL.matcher(compact)).matches()) {
            return international("+" + matcher.group(1), value);
        }
        if (chinese
                && !compact.startsWith("+")
                && !compact.startsWith("00")
                && !CHINESE_SHAPED.matcher(value).matches()
                && FOREIGN_LOCAL.matcher(value).matches()) {
            return Parsed.ok(compact.replaceAll("\\D", ""));
        }
        return Parsed.failed(ImportCodes.VALUE_PHONE, value);
    }

    /** Whether libphonenumber knows this as a Chinese number (an area code written without its 0 must be a real one). */
    private static boolean validInChina(String number) {
        try {
            return PHONES.isValidNumberForRegion(PHONES.parse(number, "CN"), "CN");
        } catch (com.google.i18n.phonenumbers.NumberParseException notANumber) {
            return false;
        }
    }

    /** An international number libphonenumber can read as possible for its country, in E.164. */
    private static Parsed<String> international(String number, String value) {
        try {
            var parsed = PHONES.parse(number, "ZZ");
            if (PHONES.isPossibleNumber(parsed)) {
                return Parsed.ok(
                        PHONES.format(parsed, com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat.E164));
            }
        } catch (com.google.i18n.phonenumbers.NumberParseException notANumber) {
            // refused below
        }
        return Parsed.failed(ImportCodes.VALUE_PHONE, value);
    }
}
