package dev.backstop.helpdesk.chat;

import dev.backstop.helpdesk.shared.BackstopException;

/** No such chat, or the caller is not one of its two parties: 404 either way, so ids cannot be probed. */
public class ChatNotFound extends BackstopException {

    public ChatNotFound(long id) {
        super(404, "chat.error.notFound", id);
    }
}
