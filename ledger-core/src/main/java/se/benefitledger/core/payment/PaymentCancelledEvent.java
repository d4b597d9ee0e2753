package se.benefitledger.core.payment;

import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.LocalDate;
import java.util.UUID;

public record PaymentCancelledEvent(UUID paymentId,
                                    UUID decisionId,
                                    UUID householdId,
                                    MunicipalityCode municipality,
                                    BenefitMonth benefitMonth,
                                    Money amount,
                                    LocalDate dueDate,
                                    String reason) {
}
