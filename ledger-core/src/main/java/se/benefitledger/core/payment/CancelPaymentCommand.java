package se.benefitledger.core.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Cancels a SCHEDULED payment and gives its amount back to its decision. */
public record CancelPaymentCommand(@TargetAggregateIdentifier UUID paymentId, String reason, Long expectedVersion) {
}
