package se.benefitledger.core.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;
import java.util.UUID;

/** Records that the money of an EXECUTED payment came back (e.g. a closed account). */
public record ReturnPaymentCommand(@TargetAggregateIdentifier UUID paymentId,
                                   LocalDate returnedOn,
                                   String reason,
                                   @TargetAggregateVersion Long expectedVersion) {
}
