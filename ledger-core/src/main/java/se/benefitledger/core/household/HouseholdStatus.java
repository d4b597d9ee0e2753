package se.benefitledger.core.household;

public enum HouseholdStatus {
    ACTIVE, CLOSED
}
