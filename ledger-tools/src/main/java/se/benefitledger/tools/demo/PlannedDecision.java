package se.benefitledger.tools.demo;

import se.benefitledger.core.decision.DecisionLine;
import se.benefitledger.core.decision.DecisionOutcome;
import se.benefitledger.core.decision.IncomeLine;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.LegalBasis;
import se.benefitledger.core.shared.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A decision on a household's month and the payments scheduled from it right away (none when REJECTED). */
public record PlannedDecision(UUID decisionId,
                              PlannedHousehold household,
                              BenefitMonth benefitMonth,
                              DecisionOutcome outcome,
                              LegalBasis legalBasis,
                              List<DecisionLine> lines,
                              List<IncomeLine> incomes,
                              Money approved,
                              List<PlannedPayment> payments) {

    public PlannedDecision {
        lines = List.copyOf(lines);
        incomes = List.copyOf(incomes);
        payments = List.copyOf(payments);
    }

    /** Applications for a month are decided in the last days of the month before. */
    public LocalDate decidedOn() {
        return benefitMonth.value().atDay(1).minusDays(10);
    }
}
