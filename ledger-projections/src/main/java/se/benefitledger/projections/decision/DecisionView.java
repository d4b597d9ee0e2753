package se.benefitledger.projections.decision;

import se.benefitledger.core.decision.DecisionLine;
import se.benefitledger.core.decision.DecisionOutcome;
import se.benefitledger.core.decision.DecisionStatus;
import se.benefitledger.core.decision.IncomeLine;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.LegalBasis;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record DecisionView(UUID decisionId,
                           UUID householdId,
                           MunicipalityCode municipality,
                           BenefitMonth benefitMonth,
                           DecisionOutcome outcome,
                           LegalBasis legalBasis,
                           List<DecisionLine> lines,
                           List<IncomeLine> incomes,
                           Money approvedAmount,
                           Money committedAmount,
                           LocalDate decidedOn,
                           DecisionStatus status,
                           long version) {
}
