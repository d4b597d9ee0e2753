package se.benefitledger.core.shared;

/** Legal sex as the personnummer records it (its ninth digit), for Socialstyrelsen's household types. */
public enum Sex {
    MALE, FEMALE
}
