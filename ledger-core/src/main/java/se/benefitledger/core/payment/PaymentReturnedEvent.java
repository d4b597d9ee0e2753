package se.benefitledger.core.payment;

import org.axonframework.serialization.Revision;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.LocalDate;
import java.util.UUID;

@Revision("1")
public record PaymentReturnedEvent(UUID paymentId,
                                   UUID batchId,
                                   UUID householdId,
                                   MunicipalityCode municipality,
                                   BenefitMonth benefitMonth,
                                   Money amount,
                                   LocalDate executedOn,
                                   LocalDate returnedOn,
                                   String reason) {
}
