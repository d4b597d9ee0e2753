package se.benefitledger.core.decision;

import org.axonframework.serialization.Revision;
import se.benefitledger.core.shared.Money;

import java.util.UUID;

/** A cancelled, bank-rejected or returned payment gives its part of the approved amount back to the decision. */
@Revision("1")
public record DecisionReservationReleasedEvent(UUID decisionId, UUID paymentId, Money amount, ReleaseReason reason) {
}
