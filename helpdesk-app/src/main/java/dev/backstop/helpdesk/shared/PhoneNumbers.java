package dev.backstop.helpdesk.shared;

/**
 * Canonical digits of a Chinese phone number for caller-ID matching: {@code +86 138 0013 8000},
 * {@code 0086-13800138000} and {@code 13800138000} all give {@code 13800138000}; {@code 010-8888 6666} and
 * {@code (010) 88886666} give {@code 01088886666}; {@code +86 10 8888 6666} gives {@code 01088886666}. A foreign number
 * gives the same digits whether written {@code +49 30 1234567}, {@code 0049 30 1234567} or as imports store it
 * ({@code +49301234567}).
 */
public final class PhoneNumbers {

    private PhoneNumbers() {}

    public static String digits(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        boolean international = phone.strip().startsWith("+") || digits.startsWith("00");
        if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        } else if (digits.startsWith("00")) {
            digits = digits.substring(2); // 0049 30 … is +49 30 … (as imports store it)
        } else if (international && digits.startsWith("86")) {
            digits = digits.substring(2);
        }
        if (international && !digits.startsWith("1") && !digits.startsWith("0")) {
            digits = "0" + digits; // +86 10 … is the landline 010 …
        } else if (international && digits.startsWith("1") && digits.length() < 11) {
            digits = "0" + digits; // +86 10 8888 6666 → 010 8888 6666
        }
        return digits.isEmpty() ? null : digits;
    }
}
