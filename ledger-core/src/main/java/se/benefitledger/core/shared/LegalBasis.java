package se.benefitledger.core.shared;

/** The paragraph a decision rests on: SoL 2025:400 12 kap. 1-2 §§ or the repealed SoL 2001:453 4 kap. 1-2 §§. */
public enum LegalBasis {
    SOL_2025_12_1, SOL_2025_12_2, SOL_2001_4_1, SOL_2001_4_2
}
