package se.benefitledger.core.decision;

import org.axonframework.serialization.Revision;
import se.benefitledger.core.shared.LegalBasis;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A decision on {@code decidedOn}. Events stored before the date was recorded read as decided on
 * the first day of their benefit month, which puts them under the law the ledger applied to them
 * then (the benefit month's).
 */
@Revision("1")
public record DecisionMadeEvent(UUID decisionId,
                                UUID householdId,
                                MunicipalityCode municipality,
                                BenefitMonth benefitMonth,
                                DecisionOutcome outcome,
                                LegalBasis legalBasis,
                                List<DecisionLine> lines,
                                List<IncomeLine> incomes,
                                Money approvedAmount,
                                LocalDate decidedOn) {

    public DecisionMadeEvent {
        lines = List.copyOf(lines);
        incomes = List.copyOf(incomes);
        if (decidedOn == null) {
            decidedOn = benefitMonth.value().atDay(1);
        }
    }
}
