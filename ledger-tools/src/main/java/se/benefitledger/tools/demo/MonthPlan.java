package se.benefitledger.tools.demo;

import se.benefitledger.core.shared.MunicipalityCode;

import java.time.YearMonth;
import java.util.List;

/**
 * What happens in one municipality for one benefit month: households that apply for the first
 * time, the month's decisions with their payments, recovery claims decided and repayments
 * received in the month. Payout batches follow from the payments' due dates.
 */
public record MonthPlan(YearMonth month,
                        MunicipalityCode municipality,
                        List<PlannedHousehold> newHouseholds,
                        List<PlannedDecision> decisions,
                        List<PlannedClaim> claims,
                        List<PlannedRepayment> repayments) {

    public MonthPlan {
        newHouseholds = List.copyOf(newHouseholds);
        decisions = List.copyOf(decisions);
        claims = List.copyOf(claims);
        repayments = List.copyOf(repayments);
    }
}
