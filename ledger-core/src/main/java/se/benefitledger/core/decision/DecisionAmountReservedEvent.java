package se.benefitledger.core.decision;

import se.benefitledger.core.shared.Money;

import java.util.UUID;

/** Part of the decision's approved amount now stands behind a scheduled payment. */
public record DecisionAmountReservedEvent(UUID decisionId, UUID paymentId, Money amount) {
}
