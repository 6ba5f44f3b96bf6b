package dev.backstop.helpdesk.notifications.internal;

import dev.backstop.helpdesk.notifications.NoticeChannel;

/**
 * Who is told about a ticket and how: {@code key} names the recipient in the once-per-event key ({@code user:12} for
 * a portal user, {@code email:…} or {@code phone:…} for a requester without an account).
 *
 * @param userId the portal user (whose bell is written), null for a requester without an account
 */
record Recipient(
        String key, Long userId, String name, String email, String phone, NoticeChannel channel, String language) {

    String address() {
        return switch (channel) {
            case EMAIL -> email;
            case SMS -> phone;
            case BELL -> null;
        };
    }
}
