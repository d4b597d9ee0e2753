package se.benefitledger.tools.demo;

import se.benefitledger.core.shared.Money;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.List;

/**
 * The national norm (riksnorm) of a household for a month, from the tables of domain.md §3.3:
 * personal costs of every member plus the shared costs for the household's size. 2021 is
 * SFS 2020:1013 (also used for 2022, whose table we lack), 2023 is Ängelholm's published norm,
 * 2024 and 2025 are 2023 with the official uplifts (+8.7 %, +2.8 %), 2026 on is domain.md's 2026
 * estimate. Children are counted with school lunch.
 */
final class Riksnorm {

    private record Table(int[] children, int single, int couple, int[] shared) {
        Table uplift(int perMille) {
            return new Table(scale(children, perMille), round(single * perMille), round(couple * perMille), scale(shared, perMille));
        }

        private static int[] scale(int[] amounts, int perMille) {
            int[] scaled = new int[amounts.length];
            for (int i = 0; i < amounts.length; i++) {
                scaled[i] = round(amounts[i] * perMille);
            }
            return scaled;
        }

        /** Kronor × 1000 to whole tens of kronor, as the norm is published. */
        private static int round(long kronorPerMille) {
            return (int) ((kronorPerMille + 5_000) / 10_000 * 10);
        }
    }

    // children by age <1, 1-2, 3, 4-6, 7-10, 11-14, 15-18, 19-20; shared costs for 1 to 7 persons
    private static final Table Y2021 = new Table(new int[]{2_180, 2_440, 2_170, 2_440, 3_060, 3_520, 3_970, 4_000}, 3_160, 5_700,
            new int[]{1_020, 1_130, 1_420, 1_610, 1_860, 2_100, 2_270});
    private static final Table Y2023 = new Table(new int[]{2_420, 2_700, 2_410, 2_700, 3_380, 3_890, 4_390, 4_430}, 3_490, 6_300,
            new int[]{1_130, 1_250, 1_580, 1_790, 2_060, 2_330, 2_510});
    private static final Table Y2024 = Y2023.uplift(1_087);
    private static final Table Y2025 = Y2024.uplift(1_028);
    private static final Table Y2026 = new Table(new int[]{2_720, 3_040, 2_710, 3_040, 3_800, 4_380, 4_940, 4_980}, 3_930, 7_090,
            new int[]{1_270, 1_410, 1_780, 2_010, 2_320, 2_620, 2_820});

    private Riksnorm() {
    }

    /** The norm of one or two adults (a couple) and these children's birth dates, for the month. */
    static Money of(YearMonth month, int adults, List<LocalDate> children) {
        Table table = table(month.getYear());
        long kronor = adults >= 2 ? table.couple() : table.single();
        LocalDate first = month.atDay(1);
        for (LocalDate born : children) {
            kronor += table.children()[ageBand(Period.between(born, first).getYears())];
        }
        int persons = adults + children.size();
        int[] shared = table.shared();
        // above seven persons, each further person adds the step from six to seven
        kronor += persons <= shared.length ? shared[persons - 1]
                : shared[shared.length - 1] + (long) (persons - shared.length) * (shared[6] - shared[5]);
        return Money.ofKronor(kronor);
    }

    private static Table table(int year) {
        if (year < 2023) {
            return Y2021;
        }
        return switch (year) {
            case 2023 -> Y2023;
            case 2024 -> Y2024;
            case 2025 -> Y2025;
            default -> Y2026;
        };
    }

    private static int ageBand(int age) {
        if (age < 1) {
            return 0;
        } else if (age <= 2) {
            return 1;
        } else if (age == 3) {
            return 2;
        } else if (age <= 6) {
            return 3;
        } else if (age <= 10) {
            return 4;
        } else if (age <= 14) {
            return 5;
        } else if (age <= 18) {
            return 6;
        }
        return 7;
    }
}
