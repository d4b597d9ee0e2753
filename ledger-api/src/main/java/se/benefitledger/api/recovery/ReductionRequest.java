package se.benefitledger.api.recovery;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import se.benefitledger.api.web.PositiveAmount;
import se.benefitledger.core.shared.Money;

/** A waiver or a write-off: an amount and the reason, which is required. */
record ReductionRequest(@NotNull @PositiveAmount Money amount, @NotBlank String reason) {
}
