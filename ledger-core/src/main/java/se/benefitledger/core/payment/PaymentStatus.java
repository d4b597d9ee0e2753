package se.benefitledger.core.payment;

/**
 * SCHEDULED → BATCHED → EXECUTED → RETURNED; SCHEDULED → CANCELLED; BATCHED → REJECTED. A RETURNED or
 * REJECTED payment may be reissued once, as a new payment.
 */
public enum PaymentStatus {
    SCHEDULED, BATCHED, EXECUTED, RETURNED, CANCELLED, REJECTED
}
