package dev.backstop.helpdesk.chat;

import dev.backstop.helpdesk.shared.BackstopException;

/** What the chat cannot do now: an empty or too long message (400), a closed chat or closed desk (409). */
public class ChatRefused extends BackstopException {

    public ChatRefused(int status, String code, Object... arguments) {
        super(status, code, arguments);
    }
}
