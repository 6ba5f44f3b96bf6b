package dev.backstop.helpdesk.surveys.web;

import dev.backstop.helpdesk.surveys.SurveyRefused;
import dev.backstop.helpdesk.surveys.TicketSurveys;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public page behind a survey link: no sign-in, the token is the key. */
@Controller
class SurveyPage {

    private final TicketSurveys surveys;

    SurveyPage(TicketSurveys surveys) {
        this.surveys = surveys;
    }

    @GetMapping("/survey/{token}")
    String show(@PathVariable String token, Model model) {
        model.addAttribute("survey", surveys.find(token).orElseThrow(SurveyRefused::unknown));
        model.addAttribute("token", token);
        return "survey";
    }

    @PostMapping("/survey/{token}")
    String answer(
            @PathVariable String token,
            @RequestParam int rating,
            @RequestParam(required = false) String comment,
            Model model) {
        surveys.answer(token, rating, comment);
        return "redirect:/survey/" + token;
    }
}
