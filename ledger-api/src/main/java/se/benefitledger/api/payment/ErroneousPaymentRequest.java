package se.benefitledger.api.payment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import se.benefitledger.api.web.PositiveAmount;
import se.benefitledger.core.payment.ErroneousPaymentCause;
import se.benefitledger.core.shared.Money;

record ErroneousPaymentRequest(@NotNull @PositiveAmount Money amount, @NotNull ErroneousPaymentCause cause, @Size(max = 2000) String note) {
}
