package se.benefitledger.core.payout;

/** The bank's answer for one payment of a batch. */
public enum SettlementOutcome {
    EXECUTED, REJECTED
}
