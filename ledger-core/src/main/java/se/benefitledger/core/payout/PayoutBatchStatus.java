package se.benefitledger.core.payout;

/** CREATED until every payment has the bank's answer, then SETTLED. */
public enum PayoutBatchStatus {
    CREATED, SETTLED
}
