package se.benefitledger.api.payment;

import jakarta.validation.constraints.NotNull;
import se.benefitledger.api.web.PositiveAmount;
import se.benefitledger.core.payment.ErroneousPaymentCause;
import se.benefitledger.core.shared.Money;

record ErroneousPaymentRequest(@NotNull @PositiveAmount Money amount, @NotNull ErroneousPaymentCause cause, String note) {
}
