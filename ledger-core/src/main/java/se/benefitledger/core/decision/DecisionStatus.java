package se.benefitledger.core.decision;

public enum DecisionStatus {
    ACTIVE, REVOKED
}
