package se.benefitledger.core.payment;

import org.axonframework.serialization.Revision;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;

import java.util.UUID;

/**
 * Part of a payment was paid in error. What was paid does not change; {@code totalErroneous} is
 * the sum of all findings on the payment so far.
 */
@Revision("1")
public record PaymentFoundErroneousEvent(UUID paymentId,
                                         UUID householdId,
                                         MunicipalityCode municipality,
                                         BenefitMonth benefitMonth,
                                         Money amount,
                                         ErroneousPaymentCause cause,
                                         String note,
                                         Money totalErroneous) {
}
