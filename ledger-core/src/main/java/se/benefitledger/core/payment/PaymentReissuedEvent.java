package se.benefitledger.core.payment;

import org.axonframework.serialization.Revision;
import java.util.UUID;

/** A RETURNED or REJECTED payment is paid again as {@code reissuedAs}; it cannot be reissued a second time. */
@Revision("1")
public record PaymentReissuedEvent(UUID paymentId, UUID decisionId, UUID reissuedAs) {
}
