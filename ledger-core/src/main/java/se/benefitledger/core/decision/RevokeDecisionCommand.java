package se.benefitledger.core.decision;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Withdraws a decision and cancels its SCHEDULED payments; refused while any payment is BATCHED or EXECUTED. */
public record RevokeDecisionCommand(@TargetAggregateIdentifier UUID decisionId, String reason, Long expectedVersion) {
}
