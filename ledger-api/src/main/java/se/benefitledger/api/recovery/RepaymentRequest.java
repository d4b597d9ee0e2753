package se.benefitledger.api.recovery;

import jakarta.validation.constraints.NotNull;
import se.benefitledger.api.input.AtMostAWeekAhead;
import se.benefitledger.api.web.PositiveAmount;
import se.benefitledger.core.shared.Money;

import java.time.LocalDate;

record RepaymentRequest(@NotNull @PositiveAmount Money amount, @NotNull @AtMostAWeekAhead LocalDate receivedOn) {
}
