package se.benefitledger.core.recovery;

import org.axonframework.serialization.Revision;
import se.benefitledger.core.shared.MunicipalityCode;

import java.util.UUID;

/** Nothing is outstanding any more: the claim is CLOSED, or WRITTEN_OFF while a write-off stands. */
@Revision("1")
public record RecoveryClaimClosedEvent(UUID claimId, UUID householdId, MunicipalityCode municipality) {
}
