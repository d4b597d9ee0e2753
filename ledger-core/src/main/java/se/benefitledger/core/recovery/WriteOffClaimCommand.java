package se.benefitledger.core.recovery;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import se.benefitledger.core.shared.Money;

import java.time.LocalDate;
import java.util.UUID;

/** Finance writes off part of the claim as not collectable (an accounting write-off, not a waiver). */
public record WriteOffClaimCommand(@TargetAggregateIdentifier UUID claimId,
                            Money amount,
                            String reason,
                            LocalDate decidedOn,
                            @TargetAggregateVersion Long expectedVersion) {
}
