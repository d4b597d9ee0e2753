package se.benefitledger.core.recovery;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.benefitledger.core.shared.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Decides to recover {@code principal} from the household, out of the erroneous amounts of the
 * linked payments that no other claim has taken. The payments' unclaimed amounts are taken in the
 * order given.
 */
public record CreateRecoveryClaimCommand(@TargetAggregateIdentifier UUID claimId,
                                         UUID householdId,
                                         List<UUID> paymentIds,
                                         Money principal,
                                         RecoveryGround ground,
                                         LocalDate decidedOn) {

    public CreateRecoveryClaimCommand {
        paymentIds = List.copyOf(paymentIds);
    }
}
