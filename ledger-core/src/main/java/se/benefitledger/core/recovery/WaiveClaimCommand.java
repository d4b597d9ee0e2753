package se.benefitledger.core.recovery;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import se.benefitledger.core.shared.Money;

import java.time.LocalDate;
import java.util.UUID;

/** The municipality forgoes part of the claim (eftergift, SoL 2025:400 33 kap. 6 §). */
public record WaiveClaimCommand(@TargetAggregateIdentifier UUID claimId,
                            Money amount,
                            String reason,
                            LocalDate decidedOn,
                            @TargetAggregateVersion Long expectedVersion) {
}
