package dev.backstop.helpdesk.chat.internal;

import dev.backstop.helpdesk.chat.ChatHours;
import dev.backstop.helpdesk.chat.ChatMessage;
import dev.backstop.helpdesk.chat.ChatMessage.Side;
import dev.backstop.helpdesk.chat.ChatNotFound;
import dev.backstop.helpdesk.chat.ChatRefused;
import dev.backstop.helpdesk.chat.ChatView;
import dev.backstop.helpdesk.chat.WebChat;
import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.routing.TicketRouting;
import dev.backstop.helpdesk.shared.AfterCommit;
import dev.backstop.helpdesk.sla.BusinessCalendar;
import dev.backstop.helpdesk.sla.SlaPolicies;
import dev.backstop.helpdesk.tickets.Channel;
import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.OpenTicket;
import dev.backstop.helpdesk.tickets.TicketDetails;
import dev.backstop.helpdesk.tickets.TicketManagement;
import dev.backstop.helpdesk.tickets.TicketNotFound;
import dev.backstop.helpdesk.tickets.TicketType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link WebChat}: the conversation rows, its ticket through {@code TicketManagement}, routing through {@code offer}.
 *
 * <p>About 360 lines on purpose: a conversation's whole life (start, offer to an agent, post, typing, close, leave a
 * message) goes through the same check of who is a party to it ({@link #party}); the rows are in {@code ChatStore}.
 */
@Service
class ChatService implements WebChat {

    static final int MAX_MESSAGE = 4000;
    static final int SUBJECT_LENGTH = 60;
    /** The demo's chats are answered around the clock unless {@code backstop.chat.calendar} says otherwise. */
    static final String DEMO_CALENDAR = "24X7";

    private final ChatStore store;
    private final ChatStreams streams;
    private final TicketManagement tickets;
    private final TicketRouting routing;
    private final SlaPolicies policies;
    private final Transcripts transcripts;
    private final ChatSettings settings;
    private final Clock clock;
    private final boolean demoData;

    ChatService(
            ChatStore store,
            ChatStreams streams,
            TicketManagement tickets,
            TicketRouting routing,
            SlaPolicies policies,
            Transcripts transcripts,
            ChatSettings settings,
            Clock clock,
            @Value("${backstop.demo-data:false}") boolean demoData) {
        this.store = store;
        this.streams = streams;
        this.tickets = tickets;
        this.routing = routing;
        this.policies = policies;
        this.transcripts = transcripts;
        this.settings = settings;
        this.clock = clock;
        this.demoData = demoData;
    }

    /** Distributor → channel desk, employee or family → HR desk, front-line rep → expert desk. */
    static Optional<Desk> deskOf(CurrentUser user) {
        if (user.has(Role.DISTRIBUTOR)) {
            return Optional.of(Desk.CHANNEL);
        }
        if (user.hasAny(Role.EMPLOYEE, Role.FAMILY)) {
            return Optional.of(Desk.HR);
        }
        if (user.has(Role.FRONTLINE)) {
            return Optional.of(Desk.EXPERT);
        }
        return Optional.empty();
    }

    @Override
    @Transactional(readOnly = true)
    public ChatHours hours(CurrentUser requester) {
        Desk desk = desk(requester);
        String code = settings.calendar().isBlank() && demoData ? DEMO_CALENDAR : settings.calendar();
        BusinessCalendar calendar = code.isBlank() ? policies.serviceHours(desk.name()) : policies.calendar(code);
        Instant now = clock.instant();
        boolean open = calendar.isOpen(now);
        return new ChatHours(desk, open, open ? now : calendar.atOrNextOpening(now));
    }

    @Override
    @Transactional
    public ChatView start(String firstMessage, Long aboutTicketId, CurrentUser requester) {
        String text = text(firstMessage);
        Optional<ChatStore.Conversation> going = store.openOf(requester.id());
        if (going.isPresent()) {
            post(going.get().id(), text, requester);
            return view(going.get(), Side.REQUESTER);
        }
        ChatHours hours = hours(requester);
        if (!hours.open()) {
            throw new ChatRefused(409, "chat.error.outOfHours");
        }
        Instant now = clock.instant();
        TicketDetails about = aboutTicketId == null ? null : tickets.get(aboutTicketId, requester);
        TicketDetails ticket = about != null && about.state().isActive()
                ? about
                : tickets.open(
                        new OpenTicket(
                                hours.desk(),
                                TicketType.INQUIRY,
                                Channel.CHAT,
                                null,
                                null,
                                null,
                                null,
                                subject(text),
                                about == null ? text : text + "\n\n(" + about.key() + ")",
                                null,
                                null,
                                false,
                                null,
                                null),
                        requester);
        long chatId =
                store.create(ticket.id(), ticket.key(), ticket.desk(), requester.id(), requester.displayName(), now);
        ChatMessage first = store.add(chatId, Side.REQUESTER, requester.displayName(), text, now);
        AfterCommit.run(() -> streams.publish(first));
        offer(chatId);
        return view(store.find(chatId).orElseThrow(), Side.REQUESTER);
    }

    /** Offers a waiting chat to an agent (or takes the agent its ticket was given by "next"); in the caller's transaction. */
    void offer(long chatId) {
        ChatStore.Conversation chat = store.lock(chatId).orElseThrow();
        if (chat.state() != ChatView.State.WAITING) {
            return;
        }
        Optional<Long> pushed = routing.offer(chat.ticketId());
        TicketDetails ticket = tickets.get(chat.ticketId(), transcripts.system());
        if (ticket.assigneeId() != null) {
            join(chat, ticket.assigneeId(), ticket.assigneeName());
        } else if (pushed.isPresent()) {
            throw new IllegalStateException("pushed chat " + chatId + " has no assignee");
        }
    }

    private void join(ChatStore.Conversation chat, long agentId, String agentName) {
        Instant now = clock.instant();
        store.join(chat.id(), agentId, agentName, now);
        ChatMessage joined = store.add(chat.id(), Side.SYSTEM, agentName, "chat.system.joined", now);
        ChatStore.Conversation after = store.find(chat.id()).orElseThrow();
        AfterCommit.run(() -> {
            streams.publishState(after);
            streams.publish(joined);
        });
    }

    @Override
    @Transactional
    public TicketDetails leaveMessage(String subject, String message, CurrentUser requester) {
        Desk desk = desk(requester);
        String text = text(message);
        String title = subject == null || subject.isBlank() ? subject(text) : subject.strip();
        return tickets.open(
                new OpenTicket(
                        desk,
                        TicketType.INQUIRY,
                        Channel.CHAT,
                        null,
                        null,
                        null,
                        null,
                        title.length() > 200 ? title.substring(0, 200) : title,
                        text,
                        null,
                        null,
                        false,
                        null,
                        null),
                requester);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ChatView> current(CurrentUser requester) {
        return store.openOf(requester.id()).map(c -> view(c, Side.REQUESTER));
    }

    @Override
    @Transactional
    public ChatView view(long chatId, CurrentUser user) {
        ChatStore.Conversation chat = party(chatId, user);
        return view(store.find(chat.id()).orElseThrow(), side(chat, user));
    }

    /** The chat row if the user is one of its parties (the agent of its ticket joins by this); else 404. */
    ChatStore.Conversation party(long chatId, CurrentUser user) {
        ChatStore.Conversation chat = store.find(chatId).orElseThrow(() -> new ChatNotFound(chatId));
        if (chat.requesterId() == user.id() || (chat.agentId() != null && chat.agentId() == user.id())) {
            return chat;
        }
        if (chat.state() == ChatView.State.WAITING
                && !user.isPortalOnly()
                && deskOf(user).isEmpty()) {
            try {
                TicketDetails ticket = tickets.get(chat.ticketId(), user);
                if (ticket.assigneeId() != null && ticket.assigneeId() == user.id()) {
                    ChatStore.Conversation locked = store.lock(chatId).orElseThrow();
                    if (locked.state() == ChatView.State.WAITING) {
                        join(locked, user.id(), user.displayName());
                    }
                    return store.find(chatId).orElseThrow();
                }
            } catch (TicketNotFound hidden) {
                // fall through: not theirs
            }
        }
        throw new ChatNotFound(chatId);
    }

    /** What a new stream starts with: the chat as it is, checked to be the user's (404 otherwise). */
    record Opened(ChatStore.Conversation chat, Side side, List<ChatMessage> history) {}

    @Transactional
    Opened open(long chatId, CurrentUser user) {
        ChatStore.Conversation chat = party(chatId, user);
        if (side(chat, user) == Side.REQUESTER) {
            store.requesterSeen(List.of(chatId), clock.instant());
        }
        return new Opened(chat, side(chat, user), store.messages(chatId));
    }

    @Override
    @Transactional
    public ChatMessage post(long chatId, String body, CurrentUser user) {
        String text = text(body);
        ChatStore.Conversation chat = party(chatId, user);
        Side side = side(chat, user);
        if (chat.state() == ChatView.State.CLOSED) {
            throw new ChatRefused(409, "chat.error.closed", chat.ticketKey());
        }
        Instant now = clock.instant();
        ChatMessage message = store.add(chatId, side, user.displayName(), text, now);
        if (side == Side.REQUESTER) {
            store.requesterSeen(List.of(chatId), now);
        }
        AfterCommit.run(() -> streams.publish(message));
        return message;
    }

    @Override
    @Transactional
    public void typing(long chatId, CurrentUser user) {
        ChatStore.Conversation chat = party(chatId, user);
        if (chat.state() == ChatView.State.CLOSED) {
            return;
        }
        Side side = side(chat, user);
        store.typing(chatId, side, clock.instant());
        AfterCommit.run(() -> streams.publishTyping(chatId, side));
    }

    @Override
    @Transactional
    public ChatView close(long chatId, CurrentUser user) {
        ChatStore.Conversation chat = party(chatId, user);
        Side side = side(chat, user);
        closeNow(
                chatId,
                side == Side.AGENT ? "AGENT" : "REQUESTER",
                side == Side.AGENT ? "chat.system.closedByAgent" : "chat.system.left",
                user.displayName());
        return view(store.find(chatId).orElseThrow(), side);
    }

    /** Closes the chat (locked) once, and writes its transcript onto its ticket; in the caller's transaction. */
    void closeNow(long chatId, String reason, String code, String who) {
        ChatStore.Conversation chat = store.lock(chatId).orElseThrow();
        if (chat.state() == ChatView.State.CLOSED) {
            return;
        }
        Instant now = clock.instant();
        ChatMessage last = store.add(chatId, Side.SYSTEM, who, code, now);
        store.close(chatId, reason, now);
        transcripts.write(chat, store.messages(chatId));
        ChatStore.Conversation after = store.find(chatId).orElseThrow();
        AfterCommit.run(() -> {
            streams.publish(last);
            streams.publishState(after);
        });
    }

    @Override
    @Transactional(readOnly = true)
    public List<ChatView> ofAgent(CurrentUser agent) {
        return store.ofAgent(agent.id(), clock.instant().minus(Duration.ofHours(8))).stream()
                .map(c -> new ChatView(
                        c.id(),
                        c.ticketId(),
                        c.ticketKey(),
                        c.desk(),
                        c.state(),
                        c.requesterName(),
                        c.agentName(),
                        c.startedAt(),
                        c.closedAt(),
                        Side.AGENT,
                        List.of()))
                .toList();
    }

    ChatView view(ChatStore.Conversation c, Side side) {
        return new ChatView(
                c.id(),
                c.ticketId(),
                c.ticketKey(),
                c.desk(),
                c.state(),
                c.requesterName(),
                c.agentName(),
                c.startedAt(),
                c.closedAt(),
                side,
                store.messages(c.id()));
    }

    static Side side(ChatStore.Conversation chat, CurrentUser user) {
        return chat.requesterId() == user.id() ? Side.REQUESTER : Side.AGENT;
    }

    private static Desk desk(CurrentUser requester) {
        return deskOf(requester).orElseThrow(() -> new ChatRefused(403, "chat.error.noDesk"));
    }

    private static String text(String body) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw new ChatRefused(400, "chat.error.empty");
        }
        if (text.length() > MAX_MESSAGE) {
            throw new ChatRefused(400, "chat.error.tooLong", MAX_MESSAGE);
        }
        return text;
    }

    private static String subject(String text) {
        String line = text.lines().findFirst().orElse(text).strip();
        return line.length() > SUBJECT_LENGTH ? line.substring(0, SUBJECT_LENGTH) + "…" : line;
    }
}
