package se.benefitledger.api.recovery;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import se.benefitledger.api.web.PositiveAmount;
import se.benefitledger.core.shared.Money;

import java.time.LocalDate;

/** A waiver or a write-off: an amount, the reason, which is required, and the day it was decided (default today). */
record ReductionRequest(@NotNull @PositiveAmount Money amount, @NotBlank @Size(max = 2000) String reason, LocalDate decidedOn) {
}
