package se.benefitledger.api.recovery;

import se.benefitledger.api.input.AtMostAWeekAhead;
import jakarta.validation.constraints.NotNull;
import se.benefitledger.api.web.PositiveAmount;
import se.benefitledger.core.shared.Money;

import java.time.LocalDate;

/** Part or all of a claim's {@code refundDue}, paid back to the debtor on {@code paidOn}. */
record RefundRequest(@NotNull @PositiveAmount Money amount, @NotNull @AtMostAWeekAhead LocalDate paidOn) {
}
