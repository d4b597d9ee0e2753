package se.benefitledger.core.recovery;

import java.time.LocalDate;
import java.util.Collection;

/**
 * Which law governs recovering a payment: the repealed SoL (2001:453) for assistance granted by a
 * decision made before 1 July 2025, SoL (2025:400) after (transitional provisions of SFS 2025:400).
 * A claim over payments of both is MIXED.
 */
public enum LawRegime {
    SOL_2001, SOL_2025, MIXED;

    static final LocalDate NEW_LAW_FROM = LocalDate.of(2025, 7, 1);

    /** The regime of a payment granted by a decision made on {@code decidedOn}. */
    public static LawRegime ofDecision(LocalDate decidedOn) {
        return decidedOn.isBefore(NEW_LAW_FROM) ? SOL_2001 : SOL_2025;
    }

    public static LawRegime ofAll(Collection<LawRegime> regimes) {
        return regimes.stream().distinct().count() == 1 ? regimes.iterator().next() : MIXED;
    }
}
