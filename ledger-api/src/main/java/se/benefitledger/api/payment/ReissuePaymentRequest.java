package se.benefitledger.api.payment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import se.benefitledger.api.decision.SchedulePaymentRequest;

import java.time.LocalDate;

/** When to pay again, and to whom when not to the original payee. */
record ReissuePaymentRequest(@NotNull LocalDate dueDate, @Valid SchedulePaymentRequest.Payee payee) {
}
