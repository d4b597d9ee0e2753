package se.benefitledger.core.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import se.benefitledger.core.shared.Money;

import java.util.UUID;

/** An investigator's finding that part or all of an EXECUTED payment should not have been paid. */
public record RecordErroneousPaymentCommand(@TargetAggregateIdentifier UUID paymentId,
                                            Money amount,
                                            ErroneousPaymentCause cause,
                                            String note,
                                            @TargetAggregateVersion Long expectedVersion) {
}
