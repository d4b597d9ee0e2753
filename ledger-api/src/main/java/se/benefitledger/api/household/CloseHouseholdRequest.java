package se.benefitledger.api.household;

import jakarta.validation.constraints.NotNull;
import se.benefitledger.core.household.ClosureReason;
import se.benefitledger.core.shared.BenefitMonth;

record CloseHouseholdRequest(@NotNull ClosureReason reason, @NotNull BenefitMonth effectiveMonth) {
}
