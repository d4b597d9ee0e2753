package se.benefitledger.projections.duration;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.benefitledger.core.payment.PaymentExecutedEvent;
import se.benefitledger.core.payment.PaymentReturnedEvent;
import se.benefitledger.projections.sql.PerBatch;

import java.util.Map;
import java.util.UUID;
import java.util.SortedMap;

/** The duration-buckets projection: tables {@code duration_household_month} and {@code duration_household_year}. */
@Component
@ProcessingGroup(DurationProjection.NAME)
class DurationProjection {

    static final String NAME = "duration-buckets";

    private final JdbcTemplate jdbc;
    private final PerBatch<AssistanceMonths.HouseholdMonth, Integer> live;

    DurationProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.live = new PerBatch<>(NAME, Integer::sum, this::write);
    }

    @EventHandler
    void on(PaymentExecutedEvent event) {
        live.add(AssistanceMonths.of(event), 1);
    }

    @EventHandler
    void on(PaymentReturnedEvent event) {
        live.add(AssistanceMonths.of(event), -1);
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE duration_household_month, duration_household_year");
    }

    /**
     * Counts live payments per household month and keeps the month's bit set while any is live: one
     * statement for the batch (a household's year row is written once however many of its months
     * changed), then one each for the rows left with nothing live. A year is inserted when the table
     * as the statement found it has no row for it: an index look-up, where a join to the update's
     * returned rows, which have no index, would be quadratic in the batch. A year whose months stay
     * the same is not updated: most payments a settlement executes fall in months already live, and
     * every update writes a new row version.
     */
    private void write(SortedMap<AssistanceMonths.HouseholdMonth, Integer> changes) {
        var changed = changes.entrySet().stream().filter(entry -> entry.getValue() != 0).toList();
        if (changed.isEmpty()) {
            return;
        }
        var months = changed.stream().map(Map.Entry::getKey).toList();
        jdbc.update("""
                        WITH c AS (
                            SELECT * FROM unnest(?::uuid[], ?::char(7)[], ?::char(4)[], ?::integer[])
                                AS c (household_id, month, municipality, delta)),
                        upserted AS (
                            INSERT INTO duration_household_month AS hm (household_id, month, municipality, live_payments)
                            SELECT household_id, month, municipality, delta FROM c
                            ON CONFLICT (household_id, month) DO UPDATE SET live_payments = hm.live_payments + EXCLUDED.live_payments
                            RETURNING household_id, month, municipality, live_payments),
                        years AS (
                            SELECT municipality, left(month, 4)::integer AS year, household_id,
                                   bit_or(1 << (right(month, 2)::integer - 1)) AS changed,
                                   bit_or(CASE WHEN live_payments > 0 THEN 1 << (right(month, 2)::integer - 1) ELSE 0 END) AS live
                            FROM upserted GROUP BY municipality, left(month, 4), household_id),
                        updated AS (
                            UPDATE duration_household_year y SET months = (y.months & ~g.changed) | g.live
                            FROM years g WHERE y.municipality = g.municipality AND y.year = g.year AND y.household_id = g.household_id
                                AND y.months <> ((y.months & ~g.changed) | g.live))
                        INSERT INTO duration_household_year (municipality, year, household_id, months)
                        SELECT municipality, year, household_id, live FROM years g
                        WHERE live <> 0 AND NOT EXISTS (
                            SELECT 1 FROM duration_household_year y WHERE y.municipality = g.municipality AND y.year = g.year AND y.household_id = g.household_id)""",
                months.stream().map(AssistanceMonths.HouseholdMonth::householdId).toArray(UUID[]::new),
                months.stream().map(month -> month.month().toString()).toArray(String[]::new),
                months.stream().map(AssistanceMonths.HouseholdMonth::municipality).toArray(String[]::new),
                changed.stream().map(Map.Entry::getValue).toArray(Integer[]::new));
        // months and years left with nothing live leave no row: the tables are the same however events were batched
        var decreased = changed.stream().filter(entry -> entry.getValue() < 0).map(Map.Entry::getKey).toList();
        if (!decreased.isEmpty()) {
            var households = decreased.stream().map(AssistanceMonths.HouseholdMonth::householdId).toArray(UUID[]::new);
            var decreasedMonths = decreased.stream().map(month -> month.month().toString()).toArray(String[]::new);
            jdbc.update("""
                            DELETE FROM duration_household_month hm USING unnest(?::uuid[], ?::char(7)[]) AS c (household_id, month)
                            WHERE hm.household_id = c.household_id AND hm.month = c.month AND hm.live_payments = 0""",
                    households, decreasedMonths);
            // by the whole key: household_id alone is no index's first column, and a scan of the table per batch grows with the country
            jdbc.update("""
                            DELETE FROM duration_household_year y USING unnest(?::char(4)[], ?::char(7)[], ?::uuid[]) AS c (municipality, month, household_id)
                            WHERE y.municipality = c.municipality AND y.year = left(c.month, 4)::integer AND y.household_id = c.household_id
                                AND y.months = 0""",
                    decreased.stream().map(AssistanceMonths.HouseholdMonth::municipality).toArray(String[]::new),
                    decreasedMonths, households);
        }
    }
}
