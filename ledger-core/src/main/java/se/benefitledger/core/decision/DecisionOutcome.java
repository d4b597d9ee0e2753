package se.benefitledger.core.decision;

/** How the application was decided (bifall, delvis bifall, avslag). */
public enum DecisionOutcome {
    GRANTED, PARTIALLY_GRANTED, REJECTED
}
