package se.benefitledger.core.recovery;

/** On what ground the municipality recovers (SoL 2025:400 33 kap. 1-3 §§; old SoL 9 kap. 1-2 §§): incorrect information, an advance on a benefit, assistance granted on condition of repayment, or another ground. */
public enum RecoveryGround {
    INCORRECT_INFORMATION, ADVANCE, CONDITIONAL, OTHER
}
