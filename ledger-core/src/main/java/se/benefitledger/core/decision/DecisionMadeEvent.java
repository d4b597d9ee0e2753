package se.benefitledger.core.decision;

import org.axonframework.serialization.Revision;
import se.benefitledger.core.shared.LegalBasis;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;

import java.util.List;
import java.util.UUID;

@Revision("1")
public record DecisionMadeEvent(UUID decisionId,
                                UUID householdId,
                                MunicipalityCode municipality,
                                BenefitMonth benefitMonth,
                                DecisionOutcome outcome,
                                LegalBasis legalBasis,
                                List<DecisionLine> lines,
                                List<IncomeLine> incomes,
                                Money approvedAmount) {

    public DecisionMadeEvent {
        lines = List.copyOf(lines);
        incomes = List.copyOf(incomes);
    }
}
