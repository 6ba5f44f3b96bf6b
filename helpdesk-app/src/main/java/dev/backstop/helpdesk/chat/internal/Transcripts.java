package dev.backstop.helpdesk.chat.internal;

import dev.backstop.helpdesk.chat.ChatMessage;
import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.shared.DeskTime;
import dev.backstop.helpdesk.tickets.TicketManagement;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A finished chat's transcript as a public article of its ticket: the agent's reply when an agent took part (so the
 * ticket counts as answered), else the requester's words. Times in desk time; the desk's own lines in Chinese and
 * English, since both read the ticket.
 */
@Component
class Transcripts {

    private final TicketManagement tickets;
    private final ChatAccount account;
    private final MessageSource messages;
    private final DeskTime deskTime;

    Transcripts(TicketManagement tickets, ChatAccount account, MessageSource messages, DeskTime deskTime) {
        this.tickets = tickets;
        this.account = account;
        this.messages = messages;
        this.deskTime = deskTime;
    }

    CurrentUser system() {
        return account.as("网页聊天 / Web chat");
    }

    void write(ChatStore.Conversation chat, List<ChatMessage> lines) {
        String text = text(lines);
        if (chat.agentName() != null) {
            tickets.reply(chat.ticketId(), text, null, account.as(chat.agentName()));
        } else {
            tickets.receiveFromRequester(chat.ticketId(), text, chat.requesterName(), account.as(chat.requesterName()));
        }
    }

    String text(List<ChatMessage> lines) {
        StringBuilder text = new StringBuilder(bilingual("chat.transcript.title", null)).append('\n');
        for (ChatMessage line : lines) {
            text.append('[').append(deskTime.minute(line.at())).append("] ");
            if (line.side() == ChatMessage.Side.SYSTEM) {
                text.append(bilingual(line.body(), line.author()));
            } else {
                text.append(line.author()).append(": ").append(line.body());
            }
            text.append('\n');
        }
        return text.toString().strip();
    }

    private String bilingual(String code, String argument) {
        Object[] arguments = argument == null ? null : new Object[] {argument};
        return messages.getMessage(code, arguments, code, Locale.SIMPLIFIED_CHINESE) + " / "
                + messages.getMessage(code, arguments, code, Locale.ENGLISH);
    }
}
