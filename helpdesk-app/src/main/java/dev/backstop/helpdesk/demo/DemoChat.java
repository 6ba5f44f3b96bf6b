package dev.backstop.helpdesk.demo;

import dev.backstop.helpdesk.chat.ChatView;
import dev.backstop.helpdesk.chat.WebChat;
import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.tickets.TicketManagement;
import dev.backstop.helpdesk.tickets.TicketState;

/**
 * Issue 17: one finished web chat — distributor D0001 asks the channel desk about a shipment, the channel agent
 * (pushed the chat, being available) answers and ends it — so its transcript is on a resolved demo ticket.
 */
final class DemoChat {

    private final WebChat chat;
    private final TicketManagement tickets;

    DemoChat(WebChat chat, TicketManagement tickets) {
        this.chat = chat;
        this.tickets = tickets;
    }

    void load(CurrentUser distributor, CurrentUser agent) {
        if (!chat.hours(distributor).open()) {
            return; // a calendar other than the demo's 24X7 was configured, and the desk is closed now
        }
        ChatView started = chat.start("你好，我们上周的订单什么时候发货？/ Hello, when does last week's order ship?", distributor);
        if (started.agentName() == null) {
            return; // nobody available to answer (the agent's presence is set before this runs)
        }
        chat.view(started.id(), agent);
        chat.post(started.id(), "您好，已查到您的订单，仓库今天下午发货，明天可查物流单号。", agent);
        chat.post(started.id(), "好的，谢谢！", distributor);
        chat.close(started.id(), agent);
        tickets.changeState(started.ticketId(), TicketState.RESOLVED, null, null, agent);
    }
}
