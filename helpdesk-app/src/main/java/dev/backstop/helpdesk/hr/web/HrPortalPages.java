package dev.backstop.helpdesk.hr.web;

import dev.backstop.helpdesk.hr.DelegationScope;
import dev.backstop.helpdesk.hr.HrRecordNotFound;
import dev.backstop.helpdesk.hr.internal.FamilyDelegation;
import dev.backstop.helpdesk.hr.internal.HrDesk;
import dev.backstop.helpdesk.hr.internal.ItemAnswers;
import dev.backstop.helpdesk.hr.internal.PayslipQuestions;
import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.shared.BackstopException;
import dev.backstop.helpdesk.shared.RequestLocales;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The employee's HR pages in the portal: my pay, my benefits and leave, who looked at my pay, my family. */
@Controller
@RequestMapping("/portal/hr")
class HrPortalPages {

    private final HrDesk desk;
    private final ItemAnswers answers;
    private final PayslipQuestions questions;
    private final FamilyDelegation family;

    HrPortalPages(HrDesk desk, ItemAnswers answers, PayslipQuestions questions, FamilyDelegation family) {
        this.desk = desk;
        this.answers = answers;
        this.questions = questions;
        this.family = family;
    }

    @GetMapping("/pay")
    String pay(
            @RequestParam(required = false) String period, CurrentUser user, HttpServletRequest request, Model model) {
        var origin = Periods.origin(request);
        var list = desk.ownPayslips(user, origin);
        model.addAttribute("payslips", list);
        if (!list.isEmpty()) {
            YearMonth selected = period == null || period.isBlank()
                    ? YearMonth.parse(list.getFirst().period())
                    : Periods.parse(period);
            HrDesk.Payslip payslip = desk.ownPayslip(user, selected, RequestLocales.of(request), origin);
            model.addAttribute("payslip", payslip);
            model.addAttribute("year", selected.getYear());
            model.addAttribute("totals", desk.ownYearTotals(user, selected.getYear()));
            model.addAttribute(
                    "answers",
                    answers.answers(
                            payslip.items().stream().map(HrDesk.Item::code).toList(), user));
        }
        model.addAttribute("kinds", answers.kinds());
        model.addAttribute("mayAsk", user.has(Role.EMPLOYEE));
        return "hr/pay";
    }

    @GetMapping("/pay/{period}/ask")
    String askForm(
            @PathVariable String period,
            @RequestParam String item,
            CurrentUser user,
            HttpServletRequest request,
            Model model) {
        HrDesk.Payslip payslip =
                desk.ownPayslip(user, Periods.parse(period), RequestLocales.of(request), Periods.origin(request));
        HrDesk.Item line = payslip.items().stream()
                .filter(i -> i.code().equals(item))
                .findFirst()
                .orElseThrow(HrRecordNotFound::new);
        model.addAttribute("payslip", payslip);
        model.addAttribute("item", line);
        return "hr/ask";
    }

    @PostMapping("/pay/{period}/ask")
    String ask(
            @PathVariable String period,
            @RequestParam String item,
            @RequestParam(defaultValue = "") String question,
            CurrentUser user,
            HttpServletRequest request,
            RedirectAttributes flash) {
        try {
            var ticket = questions.ask(user, Periods.parse(period), item, question, RequestLocales.of(request));
            flash.addFlashAttribute("successKey", "hr.ask.sent");
            return "redirect:/portal/tickets/" + ticket.id();
        } catch (HrRecordNotFound e) {
            throw e;
        } catch (BackstopException e) {
            flash.addFlashAttribute("errorKey", e.code());
            flash.addFlashAttribute("errorArgs", e.arguments());
            return "redirect:/portal/hr/pay/" + period + "/ask?item="
                    + java.net.URLEncoder.encode(item, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @GetMapping("/benefits")
    String benefits(CurrentUser user, HttpServletRequest request, Model model) {
        var origin = Periods.origin(request);
        model.addAttribute("benefits", desk.ownBenefits(user, origin));
        model.addAttribute("leave", desk.ownLeave(user, origin));
        model.addAttribute("rules", answers.about("年休假 带薪年休假天数", user, 3));
        model.addAttribute("thisYear", LocalDate.now().getYear());
        return "hr/benefits";
    }

    @GetMapping("/access-log")
    String accessLog(CurrentUser user, Model model) {
        model.addAttribute("entries", desk.accessLog(user));
        return "hr/access-log";
    }

    @GetMapping("/family")
    String family(CurrentUser user, Model model) {
        model.addAttribute("view", family.view(user));
        model.addAttribute("scopes", DelegationScope.values());
        model.addAttribute("defaultUntil", LocalDate.now().plusMonths(6));
        return "hr/family";
    }

    @PostMapping("/family/delegations")
    String delegate(
            @RequestParam long familyMemberId,
            @RequestParam(required = false) Set<DelegationScope> scopes,
            @RequestParam(required = false) String until,
            CurrentUser user,
            RedirectAttributes flash) {
        try {
            family.delegate(user, familyMemberId, scopes == null ? Set.of() : scopes, until);
            flash.addFlashAttribute("successKey", "hr.family.delegated");
        } catch (HrRecordNotFound e) {
            throw e;
        } catch (BackstopException e) {
            flash.addFlashAttribute("errorKey", e.code());
            flash.addFlashAttribute("errorArgs", e.arguments());
        }
        return "redirect:/portal/hr/family";
    }

    @PostMapping("/family/delegations/{id}/end")
    String end(@PathVariable long id, CurrentUser user, RedirectAttributes flash) {
        family.end(user, id);
        flash.addFlashAttribute("successKey", "hr.family.ended");
        return "redirect:/portal/hr/family";
    }
}
