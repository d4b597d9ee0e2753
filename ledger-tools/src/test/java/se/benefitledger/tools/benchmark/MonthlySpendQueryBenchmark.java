package se.benefitledger.tools.benchmark;

import org.springframework.jdbc.core.simple.JdbcClient;
import se.benefitledger.core.household.HouseholdMember;
import se.benefitledger.core.household.MemberRole;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.projections.spend.MonthlySpendQueries;
import se.benefitledger.projections.spend.SpendBasis;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static se.benefitledger.tools.benchmark.Harness.option;
import static se.benefitledger.tools.benchmark.Harness.seconds;
import static se.benefitledger.tools.benchmark.Harness.time;

/**
 * Query time of {@code monthly-spend} for a year of a Stockholm-sized municipality, without HTTP:
 * {@code --households=N} households (2 or 3 members; some children turn 18 in the year, every tenth
 * household's second member moves to the next household in July) with assistance in most months of
 * two years, written straight into the read-model tables of an embedded PostgreSQL migrated as the
 * service migrates it, the persons as the monthly-spend projection keeps them. Checks the report's
 * persons against counting them per request, and times {@link MonthlySpendQueries#report} for 2025
 * next to the two ways of counting per request: in the JVM, as the report did before its projection
 * kept the counts, and in PostgreSQL (one row per month back).
 */
public final class MonthlySpendQueryBenchmark {

    private static final String MUNICIPALITY = "0180";

    private MonthlySpendQueryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int households = Integer.parseInt(option(args, "households", "20000"));
        int runs = Integer.parseInt(option(args, "runs", "50"));
        try (var database = MigratedDatabase.start()) {
            var jdbc = database.jdbc;
            long start = System.nanoTime();
            fill(jdbc, households);
            System.out.printf("filled %d households: %d household-months in 2025, %d membership rows (%.1f s)%n", households,
                    jdbc.sql("SELECT count(*) FROM spend_household_month WHERE month LIKE '2025-%'").query(Long.class).single(),
                    jdbc.sql("SELECT count(*) FROM household_membership").query(Long.class).single(), seconds(start));

            var queries = database.wire(MonthlySpendQueries.class).getBean(MonthlySpendQueries.class);
            var municipality = MunicipalityCode.of(MUNICIPALITY);
            var report = queries.report(municipality, SpendBasis.BENEFIT_MONTH, YearMonth.of(2025, 1), YearMonth.of(2025, 12));
            var counted = countedPerRequest(jdbc);
            for (var month : report.months()) {
                var persons = counted.get(YearMonth.parse(month.month()));
                if (persons.adults() != month.adultCount() || persons.children() != month.childCount()) {
                    throw new IllegalStateException(month + " but counted per request: " + persons);
                }
            }
            System.out.println("2025-07 of the report (its persons as counted per request): " + report.months().get(6));
            System.out.println("MonthlySpendQueries.report, a year: " + time(runs, () -> queries.report(municipality, SpendBasis.BENEFIT_MONTH,
                    YearMonth.of(2025, 1), YearMonth.of(2025, 12))));
            System.out.println("persons counted per request in the JVM, as before (Recipients): " + time(runs / 5, () -> countedPerRequest(jdbc)));
            System.out.println("persons counted per request by PostgreSQL: " + time(runs / 5, () -> countedAtQueryTime(jdbc)));
            System.out.println("plan of the report's query: " + String.join("\n  ", jdbc.sql("""
                            EXPLAIN (ANALYZE, BUFFERS) SELECT month, scheduled_ore, executed_ore, returned_ore, payment_count, household_count,
                                adult_count, child_count FROM spend_month WHERE municipality = ? AND basis = ? AND month BETWEEN ? AND ?""")
                    .params(MUNICIPALITY, "BENEFIT_MONTH", "2025-01", "2025-12").query(String.class).list()));
            System.out.println("plan of PostgreSQL counting per request: " + String.join("\n  ", jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) "
                    + COUNTED_AT_QUERY_TIME).params(MUNICIPALITY, "BENEFIT_MONTH", "2025-01", "2025-12").query(String.class).list()));
        }
    }

    /** Counting per request in PostgreSQL: per month, each member once, adult if an adult in any of their households that month. */
    private static final String COUNTED_AT_QUERY_TIME = """
            SELECT month, count(*) FILTER (WHERE adult) AS adults, count(*) FILTER (WHERE NOT adult) AS children FROM (
                SELECT hm.month, ms.person_id,
                       bool_or(ms.role <> 'CHILD' OR ms.birth_date + interval '18 years' < to_date(hm.month, 'YYYY-MM') + interval '1 month') AS adult
                FROM spend_household_month hm
                JOIN household_membership ms ON ms.household_id = hm.household_id
                    AND (ms.from_month IS NULL OR ms.from_month <= hm.month)
                    AND (ms.departure_month IS NULL OR hm.month < ms.departure_month)
                WHERE hm.municipality = ? AND hm.basis = ? AND hm.month BETWEEN ? AND ? AND hm.live_payments > 0
                GROUP BY hm.month, ms.person_id) persons
            GROUP BY month""";

    record Persons(int adults, int children) {
    }

    /**
     * How the report counted its persons before its projection kept them (Recipients and RecipientMonths, per request): every
     * household month of the year joined with its members, streamed into the JVM, each person once per month.
     */
    private static Map<YearMonth, Persons> countedPerRequest(JdbcClient jdbc) {
        Map<UUID, Map<YearMonth, Boolean>> persons = new HashMap<>();
        jdbc.sql("""
                    SELECT hm.month, ms.person_id, ms.role, ms.birth_date FROM (
                        SELECT household_id, month FROM spend_household_month
                        WHERE municipality = ? AND basis = ? AND month BETWEEN ? AND ? AND live_payments > 0) hm
                    JOIN household_membership ms ON ms.household_id = hm.household_id
                        AND (ms.from_month IS NULL OR ms.from_month <= hm.month)
                        AND (ms.departure_month IS NULL OR hm.month < ms.departure_month)""")
            .params(MUNICIPALITY, "BENEFIT_MONTH", "2025-01", "2025-12")
            .query(rs -> {
                var member = new HouseholdMember(rs.getObject("person_id", UUID.class), MemberRole.valueOf(rs.getString("role")),
                        rs.getObject("birth_date", LocalDate.class));
                var month = YearMonth.parse(rs.getString("month").trim());
                persons.computeIfAbsent(member.personId(), person -> new HashMap<>()).merge(month, member.adultIn(month), Boolean::logicalOr);
            });
        var counts = new TreeMap<YearMonth, Persons>();
        persons.values().forEach(months -> months.forEach((month, adult) -> counts.merge(month, adult ? new Persons(1, 0) : new Persons(0, 1),
                (one, other) -> new Persons(one.adults() + other.adults(), one.children() + other.children()))));
        return counts;
    }

    private static List<Long> countedAtQueryTime(JdbcClient jdbc) {
        return jdbc.sql(COUNTED_AT_QUERY_TIME).params(MUNICIPALITY, "BENEFIT_MONTH", "2025-01", "2025-12").query((rs, row) -> rs.getLong(2)).list();
    }

    /**
     * Households 1..n: an applicant, a co-applicant (every third) or a child, and a child in every other
     * household, born so that some turn 18 in 2025; in every tenth household the second member leaves
     * in 2025-07 and joins the next household that month. Assistance in all months of 2024 and 2025
     * but one in 25.
     */
    private static void fill(JdbcClient jdbc, int households) {
        // household h is 00000000-0000-0000-0000-h (hex), its members 0000000s-0000-0000-0000-h for slots s 1, 2, 3
        jdbc.sql("""
                CREATE FUNCTION benchmark_id(h integer, slot integer) RETURNS uuid IMMUTABLE LANGUAGE sql
                AS $$ SELECT (lpad(to_hex(slot), 8, '0') || '-0000-0000-0000-' || lpad(to_hex(h), 12, '0'))::uuid $$""").update();
        jdbc.sql("""
                INSERT INTO household (household_id, municipality, status, version, registered_at)
                SELECT benchmark_id(h, 0), ?, 'ACTIVE', 1, now() FROM generate_series(1, ?) h""").params(MUNICIPALITY, households).update();
        jdbc.sql("""
                INSERT INTO household_membership (household_id, person_id, role, birth_date, from_month, departure_month)
                SELECT benchmark_id(h, 0), benchmark_id(h, 1), 'APPLICANT', date '1980-01-01' + h % 5000, NULL, NULL FROM generate_series(1, ?) h
                UNION ALL
                SELECT benchmark_id(h, 0), benchmark_id(h, 2), CASE WHEN h % 3 = 0 THEN 'CO_APPLICANT' ELSE 'CHILD' END,
                       date '2007-01-01' + h % 3650, NULL, CASE WHEN h % 10 = 0 THEN '2025-07' END FROM generate_series(1, ?) h
                UNION ALL
                SELECT benchmark_id(h, 0), benchmark_id(h, 3), 'CHILD', date '2006-06-01' + h % 4000, NULL, NULL FROM generate_series(1, ?) h WHERE h % 2 = 0
                UNION ALL
                SELECT benchmark_id(h + 1, 0), benchmark_id(h, 2), 'CO_APPLICANT', date '2007-01-01' + h % 3650, '2025-07', NULL
                FROM generate_series(10, ? - 1, 10) h""").params(households, households, households, households).update();
        jdbc.sql("""
                INSERT INTO spend_household_month (municipality, basis, month, household_id, live_payments)
                SELECT ?, 'BENEFIT_MONTH', to_char(date '2024-01-01' + make_interval(months => m), 'YYYY-MM'), benchmark_id(h, 0), 1
                FROM generate_series(1, ?) h, generate_series(0, 23) m WHERE (h + m) % 25 <> 0""").params(MUNICIPALITY, households).update();
        // what the monthly-spend projection keeps of the same members and months
        jdbc.sql("""
                INSERT INTO spend_membership (household_id, person_id, from_month, departure_month, adult_from)
                SELECT household_id, person_id, from_month, departure_month,
                       CASE WHEN role = 'CHILD' THEN to_char(birth_date + interval '18 years', 'YYYY-MM') END
                FROM household_membership""").update();
        jdbc.sql("""
                INSERT INTO spend_person_month (municipality, basis, month, person_id, adult_stays, child_stays)
                SELECT hm.municipality, hm.basis, hm.month, ms.person_id,
                       count(*) FILTER (WHERE ms.adult_from IS NULL OR hm.month >= ms.adult_from),
                       count(*) FILTER (WHERE hm.month < ms.adult_from)
                FROM spend_household_month hm JOIN spend_membership ms ON ms.household_id = hm.household_id
                    AND (ms.from_month IS NULL OR ms.from_month <= hm.month) AND (ms.departure_month IS NULL OR hm.month < ms.departure_month)
                GROUP BY hm.municipality, hm.basis, hm.month, ms.person_id""").update();
        jdbc.sql("""
                INSERT INTO spend_month (municipality, basis, month, scheduled_ore, executed_ore, returned_ore, payment_count, household_count,
                                         adult_count, child_count)
                SELECT municipality, basis, month, 900000 * households, 900000 * households, 0, households, households, adults, children
                FROM (SELECT municipality, basis, month, count(*) AS households FROM spend_household_month GROUP BY municipality, basis, month) h
                JOIN (SELECT municipality, basis, month, count(*) FILTER (WHERE adult_stays > 0) AS adults,
                             count(*) FILTER (WHERE adult_stays = 0) AS children
                      FROM spend_person_month GROUP BY municipality, basis, month) p USING (municipality, basis, month)""").update();
        jdbc.sql("ANALYZE").update();
    }
}
