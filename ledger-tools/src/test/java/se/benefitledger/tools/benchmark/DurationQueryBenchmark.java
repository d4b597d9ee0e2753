package se.benefitledger.tools.benchmark;

import org.springframework.jdbc.core.simple.JdbcClient;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.projections.duration.DurationQueries;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static se.benefitledger.tools.benchmark.Harness.option;
import static se.benefitledger.tools.benchmark.Harness.seconds;
import static se.benefitledger.tools.benchmark.Harness.time;

/**
 * Query time of {@code duration-buckets} for a Stockholm-sized municipality, without HTTP, for a window inside one
 * year (ending 2025-12) and one across a new year (ending 2025-06): {@code --households=N} households a year in 0180
 * (four in five of 2025's also assisted in 2024, with a run of assistance months each year), an adult and one or
 * two children each, and as many in each of nine other municipalities, written straight into the year rows of an
 * embedded PostgreSQL migrated as the service migrates it, month by month as the projections write them (so that
 * the rows lie on the pages they would). Checks
 * {@link DurationQueries#rolling} against the same figures counted in the JVM from the rows, and times it.
 */
public final class DurationQueryBenchmark {

    private static final String MUNICIPALITY = "0180";
    private static final List<String> OTHERS = List.of("1280", "1480", "0380", "0580", "1880", "1980", "2180", "2480", "2580");

    private DurationQueryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int households = Integer.parseInt(option(args, "households", "20000"));
        int runs = Integer.parseInt(option(args, "runs", "50"));
        try (var database = MigratedDatabase.start()) {
            var jdbc = database.jdbc;
            long start = System.nanoTime();
            fill(jdbc, households);
            System.out.printf("filled %d households a year in each of %d municipalities: %,d household year rows and %,d person year rows (%.1f s)%n",
                    households, 1 + OTHERS.size(), jdbc.sql("SELECT count(*) FROM duration_household_year").query(Long.class).single(),
                    jdbc.sql("SELECT count(*) FROM spend_person_year").query(Long.class).single(), seconds(start));

            var queries = database.wire(DurationQueries.class).getBean(DurationQueries.class);
            var municipality = MunicipalityCode.of(MUNICIPALITY);
            for (YearMonth end : List.of(YearMonth.of(2025, 12), YearMonth.of(2025, 6))) {
                var report = queries.rolling(municipality, end);
                var kept = new Figures(report.households(), report.longTermHouseholds(), report.persons().adults().total(),
                        report.persons().adults().longTerm(), report.persons().children().total(), report.persons().children().longTerm());
                var counted = countedInTheJvm(jdbc, end);
                if (!kept.equals(counted)) {
                    throw new IllegalStateException("window ending " + end + ": the report says " + kept + ", counting in the JVM " + counted);
                }
                System.out.printf("window ending %s: %s%n  DurationQueries.rolling: %s%n", end, kept, time(runs, () -> queries.rolling(municipality, end)));
            }
        }
    }

    /** Households, long-term households, adults, long-term adults, children and long-term children of a window. */
    record Figures(long households, long longTermHouseholds, long adults, long longTermAdults, long children, long longTermChildren) {
    }

    /** Each household's and person's window months summed over its rows of the two years, then counted. */
    private static Figures countedInTheJvm(JdbcClient jdbc, YearMonth end) {
        int thisYear = windowMask(end.getYear(), end);
        int lastYear = windowMask(end.getYear() - 1, end);
        Map<Object, Integer> households = new HashMap<>();
        jdbc.sql("SELECT household_id, year, months FROM duration_household_year WHERE municipality = ? AND year IN (?, ?)")
            .params(MUNICIPALITY, end.getYear() - 1, end.getYear())
            .query(rs -> {
                int mask = rs.getInt("year") == end.getYear() ? thisYear : lastYear;
                households.merge(rs.getObject("household_id"), Integer.bitCount(rs.getInt("months") & mask), Integer::sum);
            });
        Map<Object, int[]> persons = new HashMap<>();
        jdbc.sql("SELECT person_id, year, adult_months, child_months FROM spend_person_year WHERE municipality = ? AND year IN (?, ?)")
            .params(MUNICIPALITY, end.getYear() - 1, end.getYear())
            .query(rs -> {
                int mask = rs.getInt("year") == end.getYear() ? thisYear : lastYear;
                int[] months = persons.computeIfAbsent(rs.getObject("person_id"), person -> new int[2]);
                months[0] += Integer.bitCount(rs.getInt("adult_months") & mask);
                months[1] += Integer.bitCount(rs.getInt("child_months") & mask);
            });
        return new Figures(households.values().stream().filter(months -> months > 0).count(),
                households.values().stream().filter(months -> months >= 10).count(),
                persons.values().stream().filter(months -> months[0] > 0).count(), persons.values().stream().filter(months -> months[0] >= 10).count(),
                persons.values().stream().filter(months -> months[1] > 0).count(), persons.values().stream().filter(months -> months[1] >= 10).count());
    }

    /** The months of {@code year} inside the 12 months ending with {@code end}, as bits (month n is bit n-1). */
    private static int windowMask(int year, YearMonth end) {
        int mask = 0;
        for (YearMonth month = end.minusMonths(11); !month.isAfter(end); month = month.plusMonths(1)) {
            if (month.getYear() == year) {
                mask |= 1 << (month.getMonthValue() - 1);
            }
        }
        return mask;
    }

    /**
     * Households 1..n of every municipality assisted in 2025, households 1..n/5·6 but every fifth in 2024 (so four in
     * five of 2025's both years), each with a run of months starting and lasting by its number; an adult, a child,
     * and in every other household a second child, counted in their household's months; their year rows written
     * month by month, as the projections write them.
     */
    private static void fill(JdbcClient jdbc, int households) {
        jdbc.sql("""
                CREATE FUNCTION benchmark_id(m integer, h integer, slot integer) RETURNS uuid IMMUTABLE LANGUAGE sql
                AS $$ SELECT (lpad(to_hex(slot), 8, '0') || '-0000-0000-' || lpad(to_hex(m), 4, '0') || '-' || lpad(to_hex(h), 12, '0'))::uuid $$""")
            .update();
        jdbc.sql("""
                CREATE TEMPORARY TABLE own AS
                SELECT municipality, 2025 AS year, m, h,
                       ((1 << least(12, (h * 7) % 12 + 1 + (h * 5) % 12)) - 1) & ~((1 << ((h * 7) % 12)) - 1) AS months
                FROM unnest(?::char(4)[]) WITH ORDINALITY AS c (municipality, m), generate_series(1, ?) h
                UNION ALL
                SELECT municipality, 2024, m, h,
                       ((1 << least(12, (h * 3) % 12 + 1 + (h * 11) % 12)) - 1) & ~((1 << ((h * 3) % 12)) - 1)
                FROM unnest(?::char(4)[]) WITH ORDINALITY AS c (municipality, m), generate_series(1, ? * 6 / 5) h WHERE h % 5 <> 0""")
            .params(municipalities(), households, municipalities(), households).update();
        jdbc.sql("""
                CREATE TEMPORARY TABLE own_rows AS
                SELECT 'duration_household_year' AS year_rows, municipality, year, benchmark_id(m::integer, h, 0) AS id, true AS adult, months
                FROM own
                UNION ALL
                SELECT 'spend_person_year', municipality, year, benchmark_id(m::integer, h, slot), slot = 1, months
                FROM own, generate_series(1, 3) slot WHERE slot < 3 OR h % 2 = 0""").update();
        // month by month, as the projections write them: a row is inserted with its first month and updated with each
        // later one, and vacuumed between months as autovacuum would between two pay runs
        for (int year = 2024; year <= 2025; year++) {
            for (int month = 1; month <= 12; month++) {
                int bit = 1 << (month - 1);
                jdbc.sql("""
                        INSERT INTO duration_household_year (municipality, year, household_id, months)
                        SELECT municipality, year, id, ? FROM own_rows
                        WHERE year_rows = 'duration_household_year' AND year = ? AND months & ? <> 0 AND months & (? - 1) = 0""")
                    .params(bit, year, bit, bit).update();
                jdbc.sql("""
                        UPDATE duration_household_year y SET months = y.months | ? FROM own_rows o
                        WHERE o.year_rows = 'duration_household_year' AND o.year = ? AND o.months & ? <> 0 AND o.months & (? - 1) <> 0
                            AND y.municipality = o.municipality AND y.year = o.year AND y.household_id = o.id""")
                    .params(bit, year, bit, bit).update();
                jdbc.sql("""
                        INSERT INTO spend_person_year (municipality, year, person_id, adult_months, child_months)
                        SELECT municipality, year, id, CASE WHEN adult THEN ? ELSE 0 END, CASE WHEN adult THEN 0 ELSE ? END FROM own_rows
                        WHERE year_rows = 'spend_person_year' AND year = ? AND months & ? <> 0 AND months & (? - 1) = 0""")
                    .params(bit, bit, year, bit, bit).update();
                jdbc.sql("""
                        UPDATE spend_person_year y SET adult_months = y.adult_months | CASE WHEN o.adult THEN ? ELSE 0 END,
                            child_months = y.child_months | CASE WHEN o.adult THEN 0 ELSE ? END
                        FROM own_rows o
                        WHERE o.year_rows = 'spend_person_year' AND o.year = ? AND o.months & ? <> 0 AND o.months & (? - 1) <> 0
                            AND y.municipality = o.municipality AND y.year = o.year AND y.person_id = o.id""")
                    .params(bit, bit, year, bit, bit).update();
                jdbc.sql("VACUUM duration_household_year, spend_person_year").update();
            }
        }
        jdbc.sql("VACUUM ANALYZE").update();
    }

    private static String[] municipalities() {
        return Stream.concat(Stream.of(MUNICIPALITY), OTHERS.stream()).toArray(String[]::new);
    }
}
