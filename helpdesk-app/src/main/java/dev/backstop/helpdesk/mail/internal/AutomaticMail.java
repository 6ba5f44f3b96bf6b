package dev.backstop.helpdesk.mail.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;

/**
 * Mail no person wrote, which the desk must neither turn into a ticket nor answer (RFC 3834 and common practice):
 * {@code Auto-Submitted} other than {@code no}, {@code X-Autoreply} / {@code X-Autorespond}, {@code Precedence: bulk,
 * junk, list or auto_reply}, delivery-status and disposition reports ({@code multipart/report}), an empty return path
 * and the mailer daemons.
 */
final class AutomaticMail {

    private AutomaticMail() {}

    static boolean is(MimeMessage message, String fromAddress) throws MessagingException {
        String autoSubmitted = header(message, "Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.startsWith("no")) {
            return true;
        }
        if (header(message, "X-Autoreply") != null
                || header(message, "X-Autorespond") != null
                || header(message, "X-Auto-Reply") != null) {
            return true;
        }
        String precedence = header(message, "Precedence");
        if (precedence != null
                && (precedence.startsWith("bulk")
                        || precedence.startsWith("junk")
                        || precedence.startsWith("list")
                        || precedence.startsWith("auto_reply"))) {
            return true;
        }
        String type =
                message.getContentType() == null ? "" : message.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/report")) {
            return true;
        }
        String returnPath = header(message, "Return-Path");
        if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) {
            return true;
        }
        String local = fromAddress == null ? "" : fromAddress.toLowerCase(Locale.ROOT);
        return local.startsWith("mailer-daemon@") || local.startsWith("postmaster@");
    }

    private static String header(MimeMessage message, String name) throws MessagingException {
        String value = message.getHeader(name, ",");
        return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
    }
}
