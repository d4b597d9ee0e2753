package se.benefitledger.projections.spend;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;
import java.util.SortedMap;

/**
 * monthly-spend's counted household months: {@code spend_household_month} and {@code household_count}
 * of {@code spend_month}, and with {@link SpendPersons}' statements the members counted in them.
 */
final class LiveHouseholdMonths {

    private final JdbcTemplate jdbc;

    LiveHouseholdMonths(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A batch's changes of live payments per household month. A household starts counting in a month
     * when its live payments go above zero, and stops (its row gone) at zero; its members count in
     * the month while it does ({@link SpendPersons}). One statement for the batch's household months,
     * their members and their months' counts: as a statement per household month, each rewrote its
     * month's row, the batch's costliest statement in a settlement; as two (households, then their
     * members) the second looked up every household month again. Whether a month starts or stops
     * counting comes from the change beside the row as it was ({@code household_months}, an index
     * look-up per change), not from a join of the upsert's returned rows to the changes: neither has
     * an index, and the planner, which expects few rows of either, would loop over one for every row of
     * the other. The month's row is written once, households and persons together: a statement may
     * not change a row twice.
     */
    void change(SortedMap<SpendCalculator.HouseholdMonth, Integer> changes) {
        var changed = changes.entrySet().stream().filter(entry -> entry.getValue() != 0).toList();
        if (changed.isEmpty()) {
            return;
        }
        jdbc.update("""
                        WITH changed AS (
                            SELECT * FROM unnest(?::char(4)[], ?::varchar[], ?::char(7)[], ?::uuid[], ?::integer[])
                                AS c (municipality, basis, month, household_id, delta)),
                        household_months AS (
                            SELECT c.municipality, c.basis, c.month, c.household_id, c.delta, coalesce(hm.live_payments, 0) AS live_before
                            FROM changed c LEFT JOIN spend_household_month hm ON hm.municipality = c.municipality AND hm.basis = c.basis
                                AND hm.month = c.month AND hm.household_id = c.household_id),
                        household_months_upserted AS (
                            INSERT INTO spend_household_month AS hm (municipality, basis, month, household_id, live_payments)
                            SELECT municipality, basis, month, household_id, delta FROM changed
                            ON CONFLICT (municipality, basis, month, household_id)
                                DO UPDATE SET live_payments = hm.live_payments + EXCLUDED.live_payments),
                        flip AS (
                            SELECT municipality, basis, month, household_id,
                                   (live_before + delta > 0)::integer - (live_before > 0)::integer AS sign
                            FROM household_months)"""
                        + SpendPersons.MEMBERS_OF_FLIPPED_MONTHS + """
                        , month_counts AS (
                            SELECT municipality, basis, month, sum(sign) AS households, 0 AS adults, 0 AS children
                            FROM flip GROUP BY municipality, basis, month
                            UNION ALL
                            SELECT municipality, basis, month, 0, adults, children FROM counted)
                        INSERT INTO spend_month AS s (municipality, basis, month, scheduled_ore, executed_ore, returned_ore, payment_count,
                                                      household_count, adult_count, child_count)
                        SELECT municipality, basis, month, 0, 0, 0, 0, sum(households), sum(adults), sum(children)
                        FROM month_counts GROUP BY municipality, basis, month
                        ON CONFLICT (municipality, basis, month) DO UPDATE SET household_count = s.household_count + EXCLUDED.household_count,
                            adult_count = s.adult_count + EXCLUDED.adult_count, child_count = s.child_count + EXCLUDED.child_count""",
                SpendPersons.withDeltas(SpendPersons.householdMonths(changed.stream().map(Map.Entry::getKey).toList()),
                        changed.stream().map(Map.Entry::getValue).toArray(Integer[]::new)));
        // a household month whose payments all went (returned) leaves no row: the table is the same however events were batched
        var decreased = changed.stream().filter(entry -> entry.getValue() < 0).map(Map.Entry::getKey).toList();
        if (!decreased.isEmpty()) {
            jdbc.update("""
                            DELETE FROM spend_household_month hm
                            USING unnest(?::char(4)[], ?::varchar[], ?::char(7)[], ?::uuid[]) AS c (municipality, basis, month, household_id)
                            WHERE hm.municipality = c.municipality AND hm.basis = c.basis AND hm.month = c.month
                                AND hm.household_id = c.household_id AND hm.live_payments = 0""",
                    SpendPersons.householdMonths(decreased));
        }
    }
}
