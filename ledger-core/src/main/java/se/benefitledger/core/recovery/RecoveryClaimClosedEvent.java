package se.benefitledger.core.recovery;

import se.benefitledger.core.shared.MunicipalityCode;

import java.util.UUID;

/** Nothing is outstanding any more. */
public record RecoveryClaimClosedEvent(UUID claimId, UUID householdId, MunicipalityCode municipality) {
}
