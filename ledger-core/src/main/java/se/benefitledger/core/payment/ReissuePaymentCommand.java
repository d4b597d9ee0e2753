package se.benefitledger.core.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Pays a RETURNED or REJECTED payment again: a new SCHEDULED payment {@code newPaymentId} of the
 * same decision, amount and benefit month, due on {@code dueDate}, to the given payee or, when
 * {@code payeeType} and {@code payeeId} are null, to the original's.
 */
public record ReissuePaymentCommand(@TargetAggregateIdentifier UUID paymentId,
                                    UUID newPaymentId,
                                    LocalDate dueDate,
                                    PayeeType payeeType,
                                    UUID payeeId,
                                    @TargetAggregateVersion Long expectedVersion) {
}
