package se.benefitledger.api.recovery;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import se.benefitledger.api.web.PositiveAmount;
import se.benefitledger.core.shared.Money;

/** A waiver or a write-off: an amount and the reason, which is required. */
record ReductionRequest(@NotNull @PositiveAmount Money amount, @NotBlank @Size(max = 2000) String reason) {
}
