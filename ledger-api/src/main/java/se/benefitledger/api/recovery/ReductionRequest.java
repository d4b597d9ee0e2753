package se.benefitledger.api.recovery;

import se.benefitledger.api.input.AtMostAWeekAhead;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import se.benefitledger.api.web.PositiveAmount;
import se.benefitledger.core.shared.Money;

import java.time.LocalDate;

/** A waiver or a write-off: an amount, the reason, which is required, and the day it was decided (default today). */
record ReductionRequest(@NotNull @PositiveAmount Money amount, @NotBlank String reason, @AtMostAWeekAhead LocalDate decidedOn) {
}
