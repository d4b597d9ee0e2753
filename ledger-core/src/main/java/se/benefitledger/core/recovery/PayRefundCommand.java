package se.benefitledger.core.recovery;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import se.benefitledger.core.shared.Money;

import java.time.LocalDate;
import java.util.UUID;

/** Finance paid back part or all of what the debtor paid above the claim. */
public record PayRefundCommand(@TargetAggregateIdentifier UUID claimId,
                               Money amount,
                               LocalDate paidOn,
                               @TargetAggregateVersion Long expectedVersion) {
}
