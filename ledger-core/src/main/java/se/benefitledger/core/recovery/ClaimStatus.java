package se.benefitledger.core.recovery;

/** OPEN while anything is outstanding; CLOSED at 0. */
public enum ClaimStatus {
    OPEN, CLOSED
}
