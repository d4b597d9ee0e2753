package se.benefitledger.api.history;

import org.springframework.stereotype.Service;
import se.benefitledger.api.pii.PiiAccessLog;
import se.benefitledger.projections.history.HouseholdHistory;
import se.benefitledger.projections.history.HouseholdHistoryQueries;
import se.benefitledger.projections.household.HouseholdQueries;
import se.benefitledger.projections.household.HouseholdView;

import java.time.Instant;
import java.util.UUID;

/**
 * A household's history as the API and the console show it: a page of its events, and an access-log entry for each
 * of its members, since the history is the record of them. The caller has checked that the household is in scope.
 */
@Service
public class HouseholdHistoryService {

    private final HouseholdHistoryQueries history;
    private final HouseholdQueries households;
    private final PiiAccessLog accessLog;

    HouseholdHistoryService(HouseholdHistoryQueries history, HouseholdQueries households, PiiAccessLog accessLog) {
        this.history = history;
        this.households = households;
        this.accessLog = accessLog;
    }

    /** With {@code asOf}, only what the ledger had recorded by that instant; null for everything. */
    public HouseholdHistory history(UUID householdId, Instant asOf, int page, int size) {
        var answer = history.history(householdId, asOf, page, size);
        households.find(householdId).ifPresent(household -> accessLog.shown(PiiAccessLog.SubjectKind.PERSON,
                household.members().stream().map(HouseholdView.Member::personId).toList(), PiiAccessLog.Purpose.HISTORY_SHOWN));
        return answer;
    }
}
