package se.benefitledger.core.household;

/** Why a household's assistance case ends. */
public enum ClosureReason {
    SELF_SUPPORTING, MOVED, OTHER_BENEFIT, OTHER
}
