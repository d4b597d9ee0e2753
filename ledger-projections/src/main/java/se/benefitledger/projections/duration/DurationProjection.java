package se.benefitledger.projections.duration;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.benefitledger.core.payment.PaymentExecutedEvent;
import se.benefitledger.core.payment.PaymentReturnedEvent;
import se.benefitledger.projections.sql.PerBatch;
import se.benefitledger.projections.sql.Sql;

import java.util.Map;
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

    /** Counts live payments per household month and keeps the month's bit set while any is live. */
    private void write(SortedMap<AssistanceMonths.HouseholdMonth, Integer> changes) {
        Sql.batchUpdate(jdbc, """
                        WITH changed AS (
                            INSERT INTO duration_household_month (household_id, month, municipality, live_payments) VALUES (?, ?, ?, ?)
                            ON CONFLICT (household_id, month)
                                DO UPDATE SET live_payments = duration_household_month.live_payments + EXCLUDED.live_payments
                            RETURNING municipality, household_id, live_payments)
                        INSERT INTO duration_household_year (municipality, year, household_id, months)
                        SELECT municipality, ?, household_id, CASE WHEN live_payments > 0 THEN ? ELSE 0 END FROM changed
                        ON CONFLICT (municipality, year, household_id) DO UPDATE SET months = CASE WHEN EXCLUDED.months <> 0
                            THEN duration_household_year.months | EXCLUDED.months
                            ELSE duration_household_year.months & ~?::integer END""",
                changes.entrySet().stream().filter(entry -> entry.getValue() != 0).map(entry -> {
                    var month = entry.getKey();
                    return new Object[]{month.householdId(), month.month().toString(), month.municipality(), entry.getValue(),
                            month.month().getYear(), month.bit(), month.bit()};
                }).toList());
        // months and years left with nothing live leave no row: the tables are the same however events were batched
        var decreased = changes.entrySet().stream().filter(entry -> entry.getValue() < 0).map(Map.Entry::getKey).toList();
        Sql.batchUpdate(jdbc, "DELETE FROM duration_household_month WHERE household_id = ? AND month = ? AND live_payments = 0",
                decreased.stream().map(month -> new Object[]{month.householdId(), month.month().toString()}).toList());
        Sql.batchUpdate(jdbc, "DELETE FROM duration_household_year WHERE municipality = ? AND year = ? AND household_id = ? AND months = 0",
                decreased.stream().map(month -> new Object[]{month.municipality(), month.month().getYear(), month.householdId()}).toList());
    }
}
