package se.benefitledger.core.recovery;

import org.axonframework.serialization.Revision;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.LocalDate;
import java.util.UUID;

/** {@code outstanding} is what remains of the claim afterwards. */
@Revision("1")
public record RepaymentReceivedEvent(UUID claimId,
                          UUID householdId,
                          MunicipalityCode municipality,
                          Money amount,
                          LocalDate receivedOn,
                          Money outstanding) {
}
