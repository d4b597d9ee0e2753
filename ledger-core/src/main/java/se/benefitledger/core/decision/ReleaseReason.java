package se.benefitledger.core.decision;

/** Why a payment no longer takes up part of its decision's approved amount. */
public enum ReleaseReason {
    CANCELLED, REJECTED, RETURNED
}
