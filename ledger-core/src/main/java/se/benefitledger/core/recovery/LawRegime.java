package se.benefitledger.core.recovery;

/** Which law governs the claim: the repealed SoL (2001:453) for assistance for months before July 2025, SoL (2025:400) after. */
public enum LawRegime {
    SOL_2001, SOL_2025
}
