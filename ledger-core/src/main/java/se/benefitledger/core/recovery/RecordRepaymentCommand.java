package se.benefitledger.core.recovery;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import se.benefitledger.core.shared.Money;

import java.time.LocalDate;
import java.util.UUID;

/** The debtor paid back part of the claim. */
public record RecordRepaymentCommand(@TargetAggregateIdentifier UUID claimId,
                            Money amount,
                            LocalDate receivedOn,
                            @TargetAggregateVersion Long expectedVersion) {
}
