package se.benefitledger.tools.demo;

/**
 * How many households a year a synthetic plan has (domain.md §9.8): a small municipality like
 * Strängnäs, a mid-size one like Västerås, a large city like Stockholm, or the whole country.
 */
public enum Scale {
    S(800), M(3_500), L(15_000), NATIONAL(145_000);

    private final int households;

    Scale(int households) {
        this.households = households;
    }

    public int households() {
        return households;
    }
}
