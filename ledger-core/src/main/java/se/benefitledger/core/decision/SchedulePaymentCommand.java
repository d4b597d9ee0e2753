package se.benefitledger.core.decision;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import se.benefitledger.core.payment.PayeeType;
import se.benefitledger.core.shared.Money;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Schedules a payment from a decision: the decision reserves the amount and the payment is
 * created in the same unit of work. {@code payeeId} names the payee in the PII vault.
 */
public record SchedulePaymentCommand(@TargetAggregateIdentifier UUID decisionId,
                                     UUID paymentId,
                                     Money amount,
                                     LocalDate dueDate,
                                     PayeeType payeeType,
                                     UUID payeeId,
                                     @TargetAggregateVersion Long expectedVersion) {
}
