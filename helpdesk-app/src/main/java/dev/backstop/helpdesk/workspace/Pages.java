package dev.backstop.helpdesk.workspace;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.shared.BackstopException;
import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.TicketManagement;
import dev.backstop.helpdesk.tickets.TicketNotFound;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Shared by the workspace and the portal: run a ticket action and show its outcome as a message. */
public final class Pages {

    private Pages() {}

    /** Runs the action; a refusal becomes a localized message on the ticket page (404s still go to the 404 page). */
    public static String act(String ticketPath, RedirectAttributes flash, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("successKey", "workspace.saved");
        } catch (TicketNotFound e) {
            throw e;
        } catch (BackstopException e) {
            flash.addFlashAttribute("errorKey", e.code());
            flash.addFlashAttribute("errorArgs", e.arguments());
        }
        return "redirect:" + ticketPath;
    }

    public static void attach(TicketManagement tickets, long id, MultipartFile file, CurrentUser user) {
        try {
            tickets.attach(
                    id, file.getOriginalFilename(), file.getContentType(), file.getSize(), file.getInputStream(), user);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The desk a user works by default. Channel and HR agents may open expert-desk tickets too (to escalate), but
     * their own desk comes first; the expert desk is the default only for experts and the front line.
     */
    public static Desk ownDesk(TicketManagement tickets, CurrentUser user) {
        var desks = tickets.desksToOpen(user);
        return desks.stream()
                .filter(d -> d != Desk.EXPERT || user.hasAny(Role.EXPERT, Role.FRONTLINE))
                .findFirst()
                .orElse(desks.stream().findFirst().orElse(null));
    }
}
