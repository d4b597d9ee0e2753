package se.benefitledger.core.payment;

import java.util.UUID;

/** A RETURNED or REJECTED payment is paid again as {@code reissuedAs}; it cannot be reissued a second time. */
public record PaymentReissuedEvent(UUID paymentId, UUID decisionId, UUID reissuedAs) {
}
