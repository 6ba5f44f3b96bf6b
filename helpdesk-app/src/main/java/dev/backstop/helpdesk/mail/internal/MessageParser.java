package dev.backstop.helpdesk.mail.internal;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Reads a MIME message the way the desk needs it: the plain text preferred, HTML reduced to its text (no markup, no
 * script, no remote image is ever loaded or kept), the attachments as bytes (at most {@value #MAX_PART_BYTES} read of
 * each; the tickets' limits decide what is kept).
 */
final class MessageParser {

    static final int MAX_TEXT = 100_000;
    static final int MAX_PART_BYTES = 30 * 1024 * 1024;
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");

    private MessageParser() {}

    static InboundMail parse(MimeMessage message) throws MessagingException, IOException {
        InternetAddress from = from(message);
        String address = from == null ? "" : from.getAddress().strip().toLowerCase(Locale.ROOT);
        String name = from == null ? null : from.getPersonal();
        String subject =
                message.getSubject() == null ? "" : message.getSubject().strip();
        Body body = new Body();
        read(message, body, 0);
        String text = body.plain != null ? body.plain : body.html != null ? htmlToText(body.html) : "";
        text = text.replace("\r\n", "\n").strip();
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT);
        }
        String messageId =
                ids(message.getHeader("Message-ID", " ")).stream().findFirst().orElse(null);
        List<String> references = new ArrayList<>(ids(message.getHeader("In-Reply-To", " ")));
        List<String> chain = ids(message.getHeader("References", " "));
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (!references.contains(chain.get(i))) {
                references.add(chain.get(i));
            }
        }
        String key = messageId != null
                ? messageId
                : "sha256:" + sha256(address + "\n" + message.getHeader("Date", ",") + "\n" + subject + "\n" + text);
        return new InboundMail(
                key,
                messageId,
                List.copyOf(references),
                address,
                name,
                subject,
                text,
                AutomaticMail.is(message, address),
                language(message, subject + text),
                List.copyOf(body.attachments));
    }

    private static InternetAddress from(MimeMessage message) throws MessagingException {
        Address[] from;
        try {
            from = message.getFrom();
        } catch (MessagingException e) {
            return null; // an unparseable From: an unknown requester
        }
        return from != null && from.length > 0 && from[0] instanceof InternetAddress a && a.getAddress() != null
                ? a
                : null;
    }

    private static void read(Part part, Body body, int depth) throws MessagingException, IOException {
        if (depth > 10) {
            return;
        }
        String fileName = fileName(part);
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null;
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                read(child, body, depth + 1);
            }
        } else if (!attachment && part.isMimeType("text/plain") && body.plain == null) {
            body.plain = String.valueOf(part.getContent());
        } else if (!attachment && part.isMimeType("text/html") && body.html == null) {
            body.html = String.valueOf(part.getContent());
        } else if (attachment) {
            try (InputStream in = part.getInputStream()) {
                byte[] content = in.readNBytes(MAX_PART_BYTES);
                String type = part.getContentType() == null
                        ? "application/octet-stream"
                        : part.getContentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
                body.attachments.add(new InboundMail.Part(fileName == null ? "attachment" : fileName, type, content));
            }
        }
    }

    private static String fileName(Part part) throws MessagingException {
        try {
            String name = part.getFileName();
            return name == null ? null : MimeUtility.decodeText(name);
        } catch (MessagingException | java.io.UnsupportedEncodingException e) {
            return "attachment";
        }
    }

    /** The text of an HTML body, line breaks kept: what a person read, without anything a browser would run or load. */
    static String htmlToText(String html) {
        Document document = Jsoup.parse(html);
        document.select("script, style, head, img, object, embed, iframe").remove();
        document.select("br").after("\n");
        document.select("p, div, li, tr, h1, h2, h3, h4, blockquote").after("\n");
        return document.body() == null
                ? ""
                : document.body()
                        .wholeText()
                        .replaceAll("[ \\t\\x0B\\f]+\n", "\n")
                        .replaceAll("\n{3,}", "\n\n");
    }

    static List<String> ids(String header) {
        List<String> ids = new ArrayList<>();
        if (header == null) {
            return ids;
        }
        Matcher matcher = MESSAGE_ID.matcher(header);
        while (matcher.find()) {
            String id = matcher.group();
            if (id.length() <= 300) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static String language(MimeMessage message, String text) throws MessagingException {
        String declared = message.getHeader("Content-Language", ",");
        if (declared != null) {
            String tag = declared.strip().toLowerCase(Locale.ROOT);
            if (tag.startsWith("zh")) {
                return "zh";
            }
            if (tag.startsWith("en")) {
                return "en";
            }
        }
        return CJK.matcher(text).find() ? "zh" : "en";
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Body {
        String plain;
        String html;
        final List<InboundMail.Part> attachments = new ArrayList<>();
    }
}
