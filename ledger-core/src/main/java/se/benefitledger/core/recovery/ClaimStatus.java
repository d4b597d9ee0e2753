package se.benefitledger.core.recovery;

import se.benefitledger.core.shared.Money;

/**
 * OPEN while anything is outstanding; at 0 outstanding WRITTEN_OFF while a write-off stands
 * (repayments may still arrive and reduce it), otherwise CLOSED.
 */
public enum ClaimStatus {
    OPEN, CLOSED, WRITTEN_OFF;

    public static ClaimStatus of(Money outstanding, Money writtenOff) {
        if (outstanding.isPositive()) {
            return OPEN;
        }
        return writtenOff.isPositive() ? WRITTEN_OFF : CLOSED;
    }
}
