package se.benefitledger.core.recovery;

import org.axonframework.serialization.Revision;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.LocalDate;
import java.util.UUID;

/** {@code amount} of an overpayment went back to the debtor on {@code paidOn}; {@code refundDue} is what is still due. */
@Revision("1")
public record RefundPaidEvent(UUID claimId,
                              UUID householdId,
                              MunicipalityCode municipality,
                              Money amount,
                              LocalDate paidOn,
                              Money refundDue) {
}
