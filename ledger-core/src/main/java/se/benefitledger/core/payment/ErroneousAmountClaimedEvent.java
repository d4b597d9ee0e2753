package se.benefitledger.core.payment;

import org.axonframework.serialization.Revision;
import se.benefitledger.core.shared.Money;

import java.util.UUID;

/** A recovery claim took this part of the payment's erroneous amount; no other claim can take it again. */
@Revision("1")
public record ErroneousAmountClaimedEvent(UUID paymentId, UUID claimId, Money amount) {
}
