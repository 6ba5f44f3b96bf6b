package dev.backstop.helpdesk.chat.internal;

import dev.backstop.helpdesk.chat.ChatHours;
import dev.backstop.helpdesk.chat.ChatRefused;
import dev.backstop.helpdesk.chat.ChatView;
import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.knowledge.ReplyTemplates;
import dev.backstop.helpdesk.tickets.TicketDetails;
import dev.backstop.helpdesk.tickets.TicketFilter;
import dev.backstop.helpdesk.tickets.TicketManagement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The chat pages: the requester's window ({@code /chat}), a chat for both sides, the agent's list of chats. */
@Controller
class ChatPages {

    private final ChatService chats;
    private final ReplyTemplates templates;
    private final TicketManagement tickets;

    ChatPages(ChatService chats, ReplyTemplates templates, TicketManagement tickets) {
        this.chats = chats;
        this.templates = templates;
        this.tickets = tickets;
    }

    @GetMapping("/chat")
    String window(CurrentUser user, Model model) {
        Optional<ChatView> going = chats.current(user);
        if (going.isPresent()) {
            return "redirect:/chat/" + going.get().id();
        }
        ChatHours hours = chats.hours(user);
        model.addAttribute("hours", hours);
        model.addAttribute(
                "openTickets",
                tickets.list(new TicketFilter(hours.desk(), null, null, false, null, null, null, true, 0, 20), user)
                        .getContent());
        return "chat/start";
    }

    @PostMapping("/chat")
    String start(
            @RequestParam(defaultValue = "") String text,
            @RequestParam(required = false) Long about,
            CurrentUser user,
            RedirectAttributes flash) {
        try {
            return "redirect:/chat/" + chats.start(text, about, user).id();
        } catch (ChatRefused refused) {
            flash.addFlashAttribute("errorKey", refused.code());
            flash.addFlashAttribute("errorArgs", refused.arguments());
            flash.addFlashAttribute("chatText", text);
            return "redirect:/chat";
        }
    }

    @PostMapping("/chat/leave-message")
    String leaveMessage(
            @RequestParam(defaultValue = "") String subject,
            @RequestParam(defaultValue = "") String message,
            CurrentUser user,
            RedirectAttributes flash) {
        try {
            TicketDetails ticket = chats.leaveMessage(subject, message, user);
            flash.addFlashAttribute("successKey", "chat.left.thanks");
            return user.isPortalOnly()
                    ? "redirect:/portal/tickets/" + ticket.id()
                    : "redirect:/workspace/tickets/" + ticket.id();
        } catch (ChatRefused refused) {
            flash.addFlashAttribute("errorKey", refused.code());
            flash.addFlashAttribute("errorArgs", refused.arguments());
            return "redirect:/chat";
        }
    }

    @GetMapping("/chat/{id}")
    String chat(@PathVariable long id, CurrentUser user, Locale locale, Model model) {
        ChatView chat = chats.view(id, user);
        model.addAttribute("chat", chat);
        boolean agent = chat.side() == dev.backstop.helpdesk.chat.ChatMessage.Side.AGENT;
        model.addAttribute("agent", agent);
        model.addAttribute(
                "replies",
                agent
                        ? templates
                                .forTicket(chat.ticketId(), locale.getLanguage(), user)
                                .replies()
                        : List.of());
        return "chat/chat";
    }

    @GetMapping("/workspace/chats")
    String agentChats(CurrentUser user, Model model) {
        model.addAttribute("chats", chats.ofAgent(user));
        return "chat/agent";
    }
}
