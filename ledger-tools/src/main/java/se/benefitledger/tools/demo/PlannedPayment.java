package se.benefitledger.tools.demo;

import se.benefitledger.api.pii.Payee;
import se.benefitledger.core.payment.PayeeType;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A payment and what becomes of it. A CANCELLED payment is replaced by a corrected one due the
 * same day, a REJECTED one (the bank's answer) is reissued for the next payout date: that
 * replacement is its {@code followUp}. A RETURNED payment was executed and came back on
 * {@code returnedOn}.
 */
public record PlannedPayment(UUID paymentId,
                             UUID decisionId,
                             UUID householdId,
                             MunicipalityCode municipality,
                             BenefitMonth benefitMonth,
                             Money amount,
                             LocalDate dueDate,
                             PayeeType payeeType,
                             Payee payee,
                             Fate fate,
                             LocalDate returnedOn,
                             PlannedPayment followUp) {

    public enum Fate {
        EXECUTED, CANCELLED, REJECTED, RETURNED
    }
}
