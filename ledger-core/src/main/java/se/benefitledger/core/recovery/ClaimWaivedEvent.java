package se.benefitledger.core.recovery;

import org.axonframework.serialization.Revision;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;

import java.util.UUID;

/** {@code outstanding} is what remains of the claim afterwards. */
@Revision("1")
public record ClaimWaivedEvent(UUID claimId,
                          UUID householdId,
                          MunicipalityCode municipality,
                          Money amount,
                          String reason,
                          Money outstanding) {
}
