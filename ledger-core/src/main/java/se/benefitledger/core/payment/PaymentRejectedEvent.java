package se.benefitledger.core.payment;

import org.axonframework.serialization.Revision;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.LocalDate;
import java.util.UUID;

/** The bank refused the payment; no money moved. */
@Revision("1")
public record PaymentRejectedEvent(UUID paymentId,
                                   UUID batchId,
                                   UUID decisionId,
                                   UUID householdId,
                                   MunicipalityCode municipality,
                                   BenefitMonth benefitMonth,
                                   Money amount,
                                   LocalDate dueDate,
                                   String reason) {
}
