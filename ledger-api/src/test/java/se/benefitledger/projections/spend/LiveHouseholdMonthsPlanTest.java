package se.benefitledger.projections.spend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.benefitledger.api.support.LedgerApiTest;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * monthly-spend's batch statements do work in proportion to the batch, not to its square or to the
 * month's size. Each statement a batch runs is first run under {@code EXPLAIN ANALYZE} (and rolled
 * back): the rows its plan compared in a join and threw away, or threw away in a scan it repeated for
 * every row of another, must stay below the batch's number of changes. A nested loop over two CTEs,
 * which have no index, compares every row of one with every row of the other (10 million rows for a
 * batch of 3,000 person months in a rebuild, seconds a batch); an index look-up by part of a key,
 * repeated for every household, reads every person of the month each time. And a month's updates of the
 * person year rows stay on their pages.
 * <p>
 * In a package of the projections, for their package-private statements; in this module, for its
 * PostgreSQL. Everything is written in one transaction that is rolled back: the shared database
 * never sees the rows.
 */
@LedgerApiTest
class LiveHouseholdMonthsPlanTest {

    /** No municipality has this code, so no other test's rows share the month's key range. */
    private static final String MUNICIPALITY = "9990";
    private static final String MONTH = "2025-03";
    private static final int MARCH = 1 << 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void countsABatchOfHouseholdMonthsReadingNoMoreThanTheBatch() {
        var starting = households(1_000);
        var stopping = households(500);
        var staying = households(1_000);
        new TransactionTemplate(transactions).executeWithoutResult(transaction -> {
            transaction.setRollbackOnly();
            counted(stopping);
            counted(staying);
            members(starting);
            jdbc.update("""
                    INSERT INTO spend_month (municipality, basis, month, scheduled_ore, executed_ore, returned_ore, payment_count,
                                             household_count, adult_count, child_count)
                    VALUES (?, 'BENEFIT_MONTH', ?, 0, 0, 0, 0, ?, ?, ?)""", MUNICIPALITY, MONTH, 1_500, 1_500, 1_500);
            SortedMap<SpendCalculator.HouseholdMonth, Integer> changes = new TreeMap<>();
            starting.forEach(household -> changes.put(month(household), 1));
            stopping.forEach(household -> changes.put(month(household), -1));
            var explaining = new ExplainingJdbcTemplate(jdbc);

            new LiveHouseholdMonths(explaining).change(changes);

            assertThat(explaining.plans).isNotEmpty().allSatisfy(plan -> assertThat(plan.rowsDiscardedInLoops())
                    .as("rows compared and thrown away by %s", plan.json()).isLessThan(changes.size()));
            assertThat(jdbc.queryForMap("""
                    SELECT household_count, adult_count, child_count FROM spend_month
                    WHERE municipality = ? AND basis = 'BENEFIT_MONTH' AND month = ?""", MUNICIPALITY, MONTH))
                    .containsEntry("household_count", 2_000).containsEntry("adult_count", 2_000).containsEntry("child_count", 2_000);
            assertThat(count("spend_household_month")).isEqualTo(2_000);
            assertThat(count("spend_person_month")).isEqualTo(4_000);
            assertThat(count("spend_person_year")).isEqualTo(4_000);
        });
    }

    /**
     * A month that starts counting for a thousand households sets a bit in each of their 2,000 persons' year rows,
     * which were inserted together and fill their pages: each new row version must find room on its own page
     * (V94), or it goes to another page with a new index entry, and a year of such months spreads a municipality's
     * rows over five times the pages every duration-buckets report reads (BENCHMARKS.md).
     */
    @Test
    void aMonthsUpdatesOfThePersonYearsStayOnTheirPages() {
        var households = households(1_000);
        new TransactionTemplate(transactions).executeWithoutResult(transaction -> {
            transaction.setRollbackOnly();
            counted(households);
            String pages = "SELECT person_id, (ctid::text::point)[0]::bigint AS page FROM spend_person_year WHERE municipality = ? ORDER BY person_id";
            var before = jdbc.queryForList(pages, MUNICIPALITY);
            SortedMap<SpendCalculator.HouseholdMonth, Integer> april = new TreeMap<>();
            households.forEach(household -> april.put(
                    new SpendCalculator.HouseholdMonth(new SpendCalculator.Row(MUNICIPALITY, SpendBasis.BENEFIT_MONTH, "2025-04"), household), 1));

            new LiveHouseholdMonths(jdbc).change(april);

            var after = jdbc.queryForList(pages, MUNICIPALITY);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM spend_person_year WHERE municipality = ? AND adult_months | child_months = ?",
                    Long.class, MUNICIPALITY, MARCH | 1 << 3)).as("every person year has April now").isEqualTo(2_000);
            assertThat(IntStream.range(0, before.size()).filter(i -> before.get(i).equals(after.get(i))).count())
                    .as("person years still on the page they were on").isGreaterThanOrEqualTo(1_900);
        });
    }

    /** Households that count in the month: live payments, an adult and a child member, their person month and year. */
    private void counted(List<UUID> households) {
        members(households);
        for (UUID household : households) {
            jdbc.update("INSERT INTO spend_household_month VALUES (?, 'BENEFIT_MONTH', ?, ?, 1)", MUNICIPALITY, MONTH, household);
        }
        jdbc.update("""
                INSERT INTO spend_person_month (municipality, basis, month, person_id, adult_stays, child_stays)
                SELECT ?, 'BENEFIT_MONTH', ?, person_id, (adult_from IS NULL)::integer, (adult_from IS NOT NULL)::integer
                FROM spend_membership WHERE household_id = ANY(?)""", MUNICIPALITY, MONTH, households.toArray(UUID[]::new));
        jdbc.update("""
                INSERT INTO spend_person_year (municipality, year, person_id, adult_months, child_months)
                SELECT ?, 2025, person_id, CASE WHEN adult_from IS NULL THEN ? ELSE 0 END, CASE WHEN adult_from IS NULL THEN 0 ELSE ? END
                FROM spend_membership WHERE household_id = ANY(?)""", MUNICIPALITY, MARCH, MARCH, households.toArray(UUID[]::new));
    }

    /** An applicant (an adult every month) and a child (an adult from 2040) for every household. */
    private void members(List<UUID> households) {
        jdbc.batchUpdate("INSERT INTO spend_membership (household_id, person_id, adult_from) VALUES (?, ?, NULL), (?, ?, '2040-01')",
                households.stream().map(household -> new Object[]{household, UUID.randomUUID(), household, UUID.randomUUID()}).toList());
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE municipality = ?", Long.class, MUNICIPALITY);
    }

    private static SpendCalculator.HouseholdMonth month(UUID household) {
        return new SpendCalculator.HouseholdMonth(new SpendCalculator.Row(MUNICIPALITY, SpendBasis.BENEFIT_MONTH, MONTH), household);
    }

    private static List<UUID> households(int count) {
        return IntStream.range(0, count).mapToObj(i -> UUID.randomUUID()).toList();
    }

    /** A statement's plan as {@code EXPLAIN (ANALYZE, FORMAT JSON)} answered it. */
    record Plan(JsonNode json) {

        /**
         * Rows removed by a join filter, and by the filter of a node run more than once (per row of
         * another), over all its loops; a filter that runs once reads its input once.
         */
        long rowsDiscardedInLoops() {
            return discarded(json.get(0).get("Plan"));
        }

        private static long discarded(JsonNode node) {
            long loops = node.path("Actual Loops").asLong(1);
            long removed = (node.path("Rows Removed by Join Filter").asLong() + (loops > 1 ? node.path("Rows Removed by Filter").asLong() : 0)) * loops;
            for (JsonNode child : node.path("Plans")) {
                removed += discarded(child);
            }
            return removed;
        }
    }

    /** Runs each update under {@code EXPLAIN ANALYZE} in a savepoint rolled back, keeps the plan, then runs it for real. */
    private static final class ExplainingJdbcTemplate extends JdbcTemplate {

        private final List<Plan> plans = new ArrayList<>();

        ExplainingJdbcTemplate(JdbcTemplate jdbc) {
            super(jdbc.getDataSource());
        }

        @Override
        public int update(String sql, Object... args) {
            execute("SAVEPOINT explain");
            try {
                plans.add(new Plan(JSON.readTree(queryForObject("EXPLAIN (ANALYZE, FORMAT JSON) " + sql, String.class, args))));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            } finally {
                execute("ROLLBACK TO SAVEPOINT explain");
            }
            return super.update(sql, args);
        }
    }
}
