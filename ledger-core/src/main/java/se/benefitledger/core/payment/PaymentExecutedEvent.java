package se.benefitledger.core.payment;

import org.axonframework.serialization.Revision;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.LocalDate;
import java.util.UUID;

/** The bank paid it out on {@code executedOn}. */
@Revision("1")
public record PaymentExecutedEvent(UUID paymentId,
                                   UUID batchId,
                                   UUID householdId,
                                   MunicipalityCode municipality,
                                   BenefitMonth benefitMonth,
                                   Money amount,
                                   LocalDate executedOn) {
}
