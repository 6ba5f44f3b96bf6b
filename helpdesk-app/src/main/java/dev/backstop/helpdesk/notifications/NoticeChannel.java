package dev.backstop.helpdesk.notifications;

/** How a requester wants to be told about their tickets: by e-mail, by SMS, or only by the portal's bell. */
public enum NoticeChannel {
    EMAIL,
    SMS,
    BELL
}
