package se.benefitledger.api.payment;

import se.benefitledger.core.payment.PayeeType;
import se.benefitledger.core.payment.PaymentStatus;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.LocalDate;
import java.util.UUID;

public record PaymentResponse(UUID paymentId,
                              UUID decisionId,
                              UUID householdId,
                              MunicipalityCode municipality,
                              BenefitMonth benefitMonth,
                              Money amount,
                              LocalDate dueDate,
                              Payee payee,
                              PaymentStatus status,
                              UUID batchId,
                              LocalDate executedOn,
                              LocalDate returnedOn,
                              Money erroneousAmount,
                              UUID reissueOf,
                              long version) {

    /** {@code name} and {@code account} are null once the payee's personal data is erased. */
    public record Payee(PayeeType type, String name, String account) {
    }
}
