package se.benefitledger.api.console;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.benefitledger.api.history.HouseholdHistoryService;
import se.benefitledger.api.input.InputBounds;
import se.benefitledger.api.web.PageRequest;

import java.time.Instant;
import java.util.UUID;

/**
 * A household's timeline for investigators and auditors: every event of the household and of its decisions, payments
 * and claims, with who recorded it in which role and why; with {@code asOf}, the ledger as it stood at that instant.
 * The household is chosen by its id (never by personnummer, which would put personal data into the URL).
 */
@Hidden
@Controller
@RequestMapping("/console/households")
class TimelinePages {

    static final int EVENTS_PER_PAGE = 100;

    private final HouseholdHistoryService history;

    TimelinePages(HouseholdHistoryService history) {
        this.history = history;
    }

    @GetMapping
    String choose(@RequestParam(required = false) String householdId) {
        if (householdId == null || householdId.isBlank()) {
            return "console/households";
        }
        return "redirect:/console/households/" + ConsoleInput.parse("householdId", householdId, UUID::fromString) + "/timeline";
    }

    @GetMapping("/{householdId}/timeline")
    String timeline(@PathVariable UUID householdId, @RequestParam(required = false) String asOf, @RequestParam(defaultValue = "0") int page,
                    Model model) {
        Instant instant = asOf == null || asOf.isBlank() ? null : ConsoleInput.parse("asOf", asOf, InputBounds::instant);
        var request = new PageRequest(page, EVENTS_PER_PAGE);
        var answer = history.history(householdId, instant, request.page(), request.size());
        model.addAttribute("history", answer);
        model.addAttribute("asOf", instant == null ? "" : instant.toString());
        model.addAttribute("pages", Math.max(1, (answer.total() + request.size() - 1) / request.size()));
        return "console/timeline";
    }
}
