package se.benefitledger.api.decision;

import se.benefitledger.core.decision.DecisionLine;
import se.benefitledger.core.decision.DecisionOutcome;
import se.benefitledger.core.decision.DecisionStatus;
import se.benefitledger.core.decision.IncomeLine;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.LegalBasis;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.projections.decision.DecisionView;

import java.util.List;
import java.util.UUID;

record DecisionResponse(UUID decisionId,
                        UUID householdId,
                        MunicipalityCode municipality,
                        BenefitMonth benefitMonth,
                        DecisionOutcome outcome,
                        LegalBasis legalBasis,
                        List<DecisionLine> lines,
                        List<IncomeLine> incomes,
                        Money approvedAmount,
                        Money committedAmount,
                        DecisionStatus status,
                        long version) {

    static DecisionResponse of(DecisionView view) {
        return new DecisionResponse(view.decisionId(), view.householdId(), view.municipality(), view.benefitMonth(), view.outcome(),
                view.legalBasis(), view.lines(), view.incomes(), view.approvedAmount(), view.committedAmount(), view.status(), view.version());
    }
}
