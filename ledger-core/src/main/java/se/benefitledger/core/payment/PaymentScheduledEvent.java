package se.benefitledger.core.payment;

import org.axonframework.serialization.Revision;
import se.benefitledger.core.shared.LegalBasis;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A payment for the decision's benefit month, to the payee the vault knows as {@code payeeId};
 * {@code reissueOf} names the RETURNED or REJECTED payment it pays again (null for a first payment).
 */
@Revision("1")
public record PaymentScheduledEvent(UUID paymentId,
                                    UUID decisionId,
                                    UUID householdId,
                                    MunicipalityCode municipality,
                                    BenefitMonth benefitMonth,
                                    LegalBasis legalBasis,
                                    Money amount,
                                    LocalDate dueDate,
                                    PayeeType payeeType,
                                    UUID payeeId,
                                    UUID reissueOf) {
}
