package se.benefitledger.core.decision;

import org.axonframework.serialization.Revision;
import se.benefitledger.core.shared.Money;

import java.util.UUID;

/** Part of the decision's approved amount now stands behind a scheduled payment. */
@Revision("1")
public record DecisionAmountReservedEvent(UUID decisionId, UUID paymentId, Money amount) {
}
