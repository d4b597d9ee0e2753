package se.benefitledger.tools.demo;

import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A municipality's published figures as targets of the synthetic model (issue 19, domain.md §2.3,
 * §4.6, §7): the plan draws its population, spells and recovery claims from the seeded model until
 * the ledger's own reports reproduce them. A target left out keeps the national shape.
 *
 * @param households       the population the plan draws its households from (not all of them apply)
 * @param netPaid          net paid by benefit month per calendar year (monthly-spend)
 * @param longTerm         the rolling count of households with 10-12 assistance months in the 12 months to each month
 *                         (duration-buckets with {@code month}), or null for the national shape
 * @param longTermEntries  households a month starting a spell that makes them long-term, the inflow the path's exits
 *                         are drawn against
 * @param claimedPrincipal principal of the recovery claims decided per calendar year (recovery-flows {@code principalOpened});
 *                         claims of earlier years are left out, later years have the national share
 */
public record Shape(String name, MunicipalityCode municipality, YearMonth from, YearMonth to, int households,
                    SortedMap<Integer, Money> netPaid, LongTermPath longTerm, int longTermEntries,
                    SortedMap<Integer, Money> claimedPrincipal) {

    /**
     * A straight path of the rolling long-term count from {@code start} in {@code first} to {@code end} in {@code last},
     * level at {@code start} before.
     */
    public record LongTermPath(YearMonth first, int start, YearMonth last, int end) {

        public int at(YearMonth month) {
            if (!month.isAfter(first)) {
                return start;
            }
            if (!month.isBefore(last)) {
                return end;
            }
            long steps = first.until(last, ChronoUnit.MONTHS);
            long step = first.until(month, ChronoUnit.MONTHS);
            return (int) Math.round(start + (double) (end - start) * step / steps);
        }
    }

    public Shape {
        netPaid = new TreeMap<>(netPaid);
        claimedPrincipal = new TreeMap<>(claimedPrincipal);
        if (longTerm != null && (longTerm.first().isBefore(from.plusMonths(11)) || longTerm.last().isAfter(to))) {
            throw new IllegalArgumentException("the long-term path needs twelve months of history before " + longTerm.first());
        }
    }

    /**
     * Strängnäs (0486) as the municipality reports it (news item, 2022-02): försörjningsstöd SEK 38.1 M in
     * 2020 and 26.7 M in 2021, households assisted 10 months or more (rolling) 203 in January 2021 and 132
     * in December 2021.
     */
    public static final Shape STRANGNAS_2021 = new Shape("strangnas-2021", MunicipalityCode.of("0486"),
            YearMonth.of(2020, 1), YearMonth.of(2021, 12), 1_500,
            new TreeMap<>(Map.of(2020, Money.ofKronor(38_100_000), 2021, Money.ofKronor(26_700_000))),
            new LongTermPath(YearMonth.of(2021, 1), 203, YearMonth.of(2021, 12), 132), 5, new TreeMap<>());

    /**
     * Västerås (1980) as it answered in 2021-07: recovery claims decided for SEK 1.2 M in 2018, 0.85 M in 2019
     * and 2.3 M in 2020, repaid over several years; a year of assistance before the first and two after the last.
     */
    public static final Shape VASTERAS_2020 = new Shape("vasteras-2020", MunicipalityCode.of("1980"),
            YearMonth.of(2017, 1), YearMonth.of(2022, 12), Scale.M.households(), new TreeMap<>(), null, 0,
            new TreeMap<>(Map.of(2018, Money.ofKronor(1_200_000), 2019, Money.ofKronor(850_000), 2020, Money.ofKronor(2_300_000))));

    public static final List<Shape> ALL = List.of(STRANGNAS_2021, VASTERAS_2020);

    public static Shape named(String name) {
        return ALL.stream().filter(shape -> shape.name().equals(name.toLowerCase(Locale.ROOT))).findFirst()
                  .orElseThrow(() -> new IllegalArgumentException("no shape " + name + "; known: "
                          + String.join(", ", ALL.stream().map(Shape::name).toList())));
    }
}
