package se.benefitledger.api.history;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.benefitledger.api.input.InputBounds;
import se.benefitledger.api.problem.InvalidRequestException;
import se.benefitledger.api.web.PageRequest;
import se.benefitledger.projections.history.HouseholdHistory;

import java.time.Instant;
import java.util.UUID;

/** The audit trail of a household for investigators and auditors: who did what when, as the ledger recorded it. */
@RestController
@RequestMapping("/api/v1/households/{householdId}/history")
class HouseholdHistoryController {

    private final HouseholdHistoryService history;

    HouseholdHistoryController(HouseholdHistoryService history) {
        this.history = history;
    }

    @GetMapping
    HouseholdHistory history(@PathVariable UUID householdId, @RequestParam(required = false) String asOf,
                             @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        var request = new PageRequest(page, size);
        return history.history(householdId, instant(asOf), request.page(), request.size());
    }

    private static Instant instant(String asOf) {
        if (asOf == null) {
            return null;
        }
        try {
            return InputBounds.instant(asOf);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("asOf", e.getMessage());
        }
    }
}
