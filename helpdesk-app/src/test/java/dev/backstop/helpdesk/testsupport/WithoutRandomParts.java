package dev.backstop.helpdesk.testsupport;

import java.util.regex.Pattern;

/**
 * A page or a JSON answer without the parts that differ on every request, for a test that asserts a short word is
 * <em>not</em> there. A CSRF token is ~96 random letters and digits, an idempotency key 32, a timestamp's fraction six
 * digits: "ERP", "PBX" or a four-digit PIN turns up in them about once in a thousand runs (CI once failed on
 * {@code doesNotContain("ERP")} finding it inside the logout form's token).
 */
public final class WithoutRandomParts {

    private static final Pattern HIDDEN_VALUE =
            Pattern.compile("(<input type=\"hidden\"[^>]*?\\svalue=\")[^\"]*(\")", Pattern.CASE_INSENSITIVE);
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+(Z|[+-]\\d{2}:\\d{2})?");

    private WithoutRandomParts() {}

    /** The HTML with every hidden input's value emptied (the CSRF token, an idempotency key). */
    public static String page(String html) {
        return HIDDEN_VALUE.matcher(html).replaceAll("$1$2");
    }

    /** The JSON with every ISO-8601 timestamp replaced by {@code <time>}. */
    public static String json(String json) {
        return TIMESTAMP.matcher(json).replaceAll("<time>");
    }
}
