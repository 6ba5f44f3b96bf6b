package dev.backstop.helpdesk.channel.internal;

import dev.backstop.helpdesk.channel.ChannelDesk;
import dev.backstop.helpdesk.channel.ChannelRequest;
import dev.backstop.helpdesk.channel.DistributorView;
import dev.backstop.helpdesk.channel.RequestKind;
import dev.backstop.helpdesk.distributors.Distributor;
import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.shared.BackstopException;
import dev.backstop.helpdesk.tickets.TicketDetails;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The distributor view as pages: for staff under {@code /workspace/distributors} (search, the account, an order with
 * the policy check and the request forms), for a distributor under {@code /portal/account} (its own account only).
 */
@Controller
class ChannelPages {

    private final ChannelDesk desk;

    ChannelPages(ChannelDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/workspace/distributors")
    String search(@RequestParam(name = "q", defaultValue = "") String query, CurrentUser user, Model model) {
        List<Distributor.Match> found = desk.find(query, user);
        if (found.size() == 1) {
            return "redirect:/workspace/distributors/" + path(found.getFirst().code());
        }
        model.addAttribute("q", query);
        model.addAttribute("matches", found);
        return "channel/search";
    }

    @GetMapping("/workspace/distributors/{code}")
    String view(@PathVariable String code, CurrentUser user, Model model) {
        return view(desk.view(code, user), "/workspace/distributors/" + path(code), "/workspace/tickets/", true, model);
    }

    @GetMapping("/portal/account")
    String ownView(CurrentUser user, Model model) {
        return view(desk.view(desk.ownCode(user), user), "/portal/account", "/portal/tickets/", false, model);
    }

    private String view(DistributorView view, String base, String ticketBase, boolean staff, Model model) {
        model.addAttribute("v", view);
        model.addAttribute("base", base);
        model.addAttribute("ticketBase", ticketBase);
        model.addAttribute("staff", staff);
        return "channel/view";
    }

    @GetMapping("/workspace/distributors/{code}/orders/{orderNo}")
    String order(
            @PathVariable String code,
            @PathVariable String orderNo,
            @RequestParam(name = "policy", required = false) String policy,
            CurrentUser user,
            Model model) {
        return order(code, orderNo, policy, "/workspace/distributors/" + path(code), true, user, model);
    }

    @GetMapping("/portal/account/orders/{orderNo}")
    String ownOrder(
            @PathVariable String orderNo,
            @RequestParam(name = "policy", required = false) String policy,
            CurrentUser user,
            Model model) {
        return order(desk.ownCode(user), orderNo, policy, "/portal/account", false, user, model);
    }

    private String order(
            String code, String orderNo, String policy, String base, boolean staff, CurrentUser user, Model model) {
        model.addAttribute("o", desk.order(code, orderNo, user));
        model.addAttribute("base", base);
        model.addAttribute("staff", staff);
        model.addAttribute("kinds", RequestKind.values());
        model.addAttribute("policies", desk.policies(code, user));
        if (policy != null && !policy.isBlank()) {
            try {
                model.addAttribute("check", desk.checkPolicy(code, orderNo, policy, user));
            } catch (BackstopException e) {
                model.addAttribute("errorKey", e.code());
                model.addAttribute("errorArgs", e.arguments());
            }
        }
        return "channel/order";
    }

    @PostMapping("/workspace/distributors/{code}/requests")
    String raise(
            @PathVariable String code,
            @RequestParam Map<String, String> form,
            Locale locale,
            CurrentUser user,
            RedirectAttributes flash) {
        return raise(code, form, "/workspace/distributors/" + path(code), "/workspace/tickets/", locale, user, flash);
    }

    @PostMapping("/portal/account/requests")
    String ownRaise(@RequestParam Map<String, String> form, Locale locale, CurrentUser user, RedirectAttributes flash) {
        return raise(desk.ownCode(user), form, "/portal/account", "/portal/tickets/", locale, user, flash);
    }

    private String raise(
            String code,
            Map<String, String> form,
            String base,
            String ticketBase,
            Locale locale,
            CurrentUser user,
            RedirectAttributes flash) {
        String orderNo = form.get("orderNo");
        String back = orderNo == null || orderNo.isBlank() ? base : base + "/orders/" + path(orderNo);
        try {
            TicketDetails ticket = desk.raise(code, request(form), locale, user);
            flash.addFlashAttribute("successKey", "channel.request.raised");
            return "redirect:" + ticketBase + ticket.id();
        } catch (BackstopException e) {
            flash.addFlashAttribute("errorKey", e.code());
            flash.addFlashAttribute("errorArgs", e.arguments());
            return "redirect:" + back;
        }
    }

    /** Form fields: kind, orderNo, invoiceNo, paymentNo, policyCode, description, deadlineHours, received_<lineNo>. */
    private static ChannelRequest request(Map<String, String> form) {
        RequestKind kind;
        try {
            kind = RequestKind.valueOf(form.getOrDefault("kind", ""));
        } catch (IllegalArgumentException e) {
            kind = null;
        }
        List<ChannelRequest.Received> received = new ArrayList<>();
        for (Map.Entry<String, String> field : form.entrySet()) {
            if (field.getKey().startsWith("received_")
                    && field.getValue() != null
                    && !field.getValue().isBlank()) {
                try {
                    received.add(new ChannelRequest.Received(
                            Integer.parseInt(field.getKey().substring(9)),
                            new BigDecimal(field.getValue().strip())));
                } catch (NumberFormatException e) {
                    throw new dev.backstop.helpdesk.channel.ChannelRefused(
                            "channel.error.badQuantity", field.getKey().substring(9));
                }
            }
        }
        Integer hours = null;
        String deadline = form.get("deadlineHours");
        if (deadline != null && !deadline.isBlank()) {
            try {
                hours = Integer.parseInt(deadline.strip());
            } catch (NumberFormatException e) {
                throw new dev.backstop.helpdesk.channel.ChannelRefused("channel.error.deadlineHours", deadline);
            }
        }
        return new ChannelRequest(
                kind,
                form.get("orderNo"),
                form.get("invoiceNo"),
                form.get("paymentNo"),
                form.get("policyCode"),
                form.get("description"),
                received,
                hours);
    }

    private static String path(String segment) {
        return UriUtils.encodePathSegment(segment, java.nio.charset.StandardCharsets.UTF_8);
    }
}
