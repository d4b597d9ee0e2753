package se.benefitledger.api.decision;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import se.benefitledger.core.decision.DecisionOutcome;
import se.benefitledger.core.decision.IncomeType;
import se.benefitledger.core.decision.LineType;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.LegalBasis;
import se.benefitledger.core.shared.Money;

import java.util.List;
import java.util.UUID;

record MakeDecisionRequest(@NotNull UUID householdId,
                           @NotNull BenefitMonth benefitMonth,
                           @NotNull DecisionOutcome outcome,
                           @NotNull LegalBasis legalBasis,
                           @NotNull @Size(max = 30) List<@Valid @NotNull Line> lines,
                           @Size(max = 30) List<@Valid @NotNull Income> incomes) {

    record Line(@NotNull LineType type, @NotNull Money amount) {
    }

    record Income(@NotNull IncomeType type, @NotNull Money amount) {
    }
}
