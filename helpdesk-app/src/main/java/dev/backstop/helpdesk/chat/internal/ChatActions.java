package dev.backstop.helpdesk.chat.internal;

import dev.backstop.helpdesk.chat.ChatMessage;
import dev.backstop.helpdesk.chat.ChatView;
import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.knowledge.KnowledgeSearch;
import dev.backstop.helpdesk.knowledge.SearchPage;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * What the chat window does while it is open: its live stream, posting a line, "typing", closing, and for the agent the
 * knowledge-base answers to insert. Errors come back as problem details in the reader's language (the page shows
 * {@code detail}).
 */
@RestController
class ChatActions {

    private final ChatService chats;
    private final ChatStreams streams;
    private final KnowledgeSearch search;

    ChatActions(ChatService chats, ChatStreams streams, KnowledgeSearch search) {
        this.chats = chats;
        this.streams = streams;
        this.search = search;
    }

    /** The checks and the history read in one short transaction; the stream itself holds no connection. */
    @GetMapping(path = "/chat/{id}/events", produces = "text/event-stream")
    SseEmitter events(@PathVariable long id, CurrentUser user, Locale locale) {
        ChatService.Opened opened = chats.open(id, user);
        return streams.subscribe(opened.chat(), opened.history(), opened.side(), locale);
    }

    @PostMapping("/chat/{id}/messages")
    Map<String, Object> post(@PathVariable long id, @RequestParam(defaultValue = "") String body, CurrentUser user) {
        ChatMessage message = chats.post(id, body, user);
        return Map.of("id", message.id());
    }

    @PostMapping("/chat/{id}/typing")
    ResponseEntity<Void> typing(@PathVariable long id, CurrentUser user) {
        chats.typing(id, user);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/chat/{id}/close")
    Map<String, Object> close(@PathVariable long id, CurrentUser user) {
        ChatView chat = chats.close(id, user);
        return Map.of("state", chat.state().name(), "ticket", chat.ticketKey());
    }

    /** Knowledge-base answers for the agent to insert (the reader's audience applies, as everywhere). */
    @GetMapping("/chat/{id}/answers")
    List<SearchPage.Hit> answers(@PathVariable long id, @RequestParam(defaultValue = "") String q, CurrentUser user) {
        chats.view(id, user);
        return q.isBlank() ? List.of() : search.answersFor(user, q, 5);
    }
}
