package dev.backstop.helpdesk.tickets.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Checks a file's first bytes against its declared content type, so that a renamed executable does not pass
 * the allow-list as "image/png". Types without a known signature pass unless they look like an executable.
 */
final class ContentSniffer {

    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] GIF = "GIF8".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] EMPTY_ZIP = {'P', 'K', 5, 6};
    private static final byte[] OLE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final byte[] WINDOWS_EXE = {'M', 'Z'};
    private static final byte[] ELF = {0x7F, 'E', 'L', 'F'};
    private static final byte[] SCRIPT = {'#', '!'};

    private ContentSniffer() {}

    static boolean plausible(String contentType, byte[] head) {
        if (startsWith(head, WINDOWS_EXE) || startsWith(head, ELF) || startsWith(head, SCRIPT)) {
            return false;
        }
        return switch (contentType) {
            case "application/pdf" -> startsWith(head, PDF);
            case "image/png" -> startsWith(head, PNG);
            case "image/jpeg" -> startsWith(head, JPEG);
            case "image/gif" -> startsWith(head, GIF);
            case "application/zip",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document" ->
                startsWith(head, ZIP) || startsWith(head, EMPTY_ZIP);
            case "application/msword", "application/vnd.ms-excel" -> startsWith(head, OLE);
            default -> !contentType.startsWith("text/") || noNulBytes(head);
        };
    }

    private static boolean startsWith(byte[] head, byte[] signature) {
        return head.length >= signature.length
                && Arrays.equals(head, 0, signature.length, signature, 0, signature.length);
    }

    private static boolean noNulBytes(byte[] head) {
        for (byte b : head) {
            if (b == 0) {
                return false;
            }
        }
        return true;
    }
}
