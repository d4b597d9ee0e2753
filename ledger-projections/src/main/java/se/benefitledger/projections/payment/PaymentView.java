package se.benefitledger.projections.payment;

import se.benefitledger.core.payment.PayeeType;
import se.benefitledger.core.payment.PaymentStatus;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.LocalDate;
import java.util.UUID;

public record PaymentView(UUID paymentId,
                          UUID decisionId,
                          UUID householdId,
                          MunicipalityCode municipality,
                          BenefitMonth benefitMonth,
                          Money amount,
                          LocalDate dueDate,
                          PayeeType payeeType,
                          UUID payeeId,
                          PaymentStatus status,
                          UUID batchId,
                          LocalDate executedOn,
                          LocalDate returnedOn,
                          Money erroneousAmount,
                          UUID reissueOf,
                          long version) {
}
