package se.benefitledger.projections.spend;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.benefitledger.core.household.HouseholdRegisteredEvent;
import se.benefitledger.core.household.MemberDepartedEvent;
import se.benefitledger.core.household.MemberJoinedEvent;
import se.benefitledger.core.payment.PaymentCancelledEvent;
import se.benefitledger.core.payment.PaymentExecutedEvent;
import se.benefitledger.core.payment.PaymentRejectedEvent;
import se.benefitledger.core.payment.PaymentReturnedEvent;
import se.benefitledger.core.payment.PaymentScheduledEvent;
import se.benefitledger.projections.sql.PerBatch;
import se.benefitledger.projections.sql.Sql;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The monthly-spend projection: tables {@code spend_month} and {@code spend_household_month}, and
 * the members counted in them ({@link SpendPersons}). Membership events come to this processor
 * too, so that they and the payments reach the counts in the order they were stored.
 */
@Component
@ProcessingGroup(MonthlySpendProjection.NAME)
class MonthlySpendProjection {

    static final String NAME = "monthly-spend";

    private final JdbcTemplate jdbc;
    private final SpendPersons persons;
    private final PerBatch<SpendCalculator.Row, SpendCalculator.Totals> totals;
    private final PerBatch<SpendCalculator.HouseholdMonth, Integer> live;

    MonthlySpendProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.persons = new SpendPersons(jdbc);
        this.totals = new PerBatch<>(NAME + ".totals", SpendCalculator.Totals::plus, this::writeTotals);
        this.live = new PerBatch<>(NAME + ".live", Integer::sum, this::writeLive);
    }

    @EventHandler
    void on(PaymentScheduledEvent event) {
        apply(SpendCalculator.of(event));
    }

    @EventHandler
    void on(PaymentCancelledEvent event) {
        apply(SpendCalculator.of(event));
    }

    @EventHandler
    void on(PaymentRejectedEvent event) {
        apply(SpendCalculator.of(event));
    }

    @EventHandler
    void on(PaymentExecutedEvent event) {
        apply(SpendCalculator.of(event));
    }

    @EventHandler
    void on(PaymentReturnedEvent event) {
        apply(SpendCalculator.of(event));
    }

    @EventHandler
    void on(HouseholdRegisteredEvent event) {
        persons.registered(MemberStays.of(event));
    }

    @EventHandler
    void on(MemberJoinedEvent event) {
        persons.joined(MemberStays.of(event));
    }

    @EventHandler
    void on(MemberDepartedEvent event) {
        persons.departed(event.householdId(), event.personId(), event.month().value());
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE spend_month, spend_household_month, spend_person_month, spend_person_year, spend_membership");
    }

    private void apply(List<SpendCalculator.Change> changes) {
        for (var change : changes) {
            if (change instanceof SpendCalculator.TotalsChange t) {
                totals.add(t.row(), t.totals());
            } else if (change instanceof SpendCalculator.LiveChange l) {
                live.add(l.householdMonth(), l.delta());
            }
        }
    }

    private void writeTotals(SortedMap<SpendCalculator.Row, SpendCalculator.Totals> changes) {
        Sql.batchUpdate(jdbc, """
                        INSERT INTO spend_month (municipality, basis, month, scheduled_ore, executed_ore, returned_ore, payment_count, household_count)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 0)
                        ON CONFLICT (municipality, basis, month) DO UPDATE SET
                            scheduled_ore = spend_month.scheduled_ore + EXCLUDED.scheduled_ore,
                            executed_ore = spend_month.executed_ore + EXCLUDED.executed_ore,
                            returned_ore = spend_month.returned_ore + EXCLUDED.returned_ore,
                            payment_count = spend_month.payment_count + EXCLUDED.payment_count""",
                changes.entrySet().stream().map(entry -> new Object[]{entry.getKey().municipality(), entry.getKey().basis().name(),
                        entry.getKey().month(), entry.getValue().scheduled(), entry.getValue().executed(), entry.getValue().returned(),
                        entry.getValue().payments()}).toList());
    }

    /**
     * A household starts counting in a month when its live payments go above zero, and stops (its
     * row gone) at zero. One statement for the batch's household months and one for their months'
     * counts: as a statement per household month, each rewrote its month's row, the batch's
     * costliest statement in a settlement.
     */
    private void writeLive(SortedMap<SpendCalculator.HouseholdMonth, Integer> changes) {
        var changed = changes.entrySet().stream().filter(entry -> entry.getValue() != 0).toList();
        if (changed.isEmpty()) {
            return;
        }
        jdbc.update("""
                        WITH c AS (
                            SELECT * FROM unnest(?::char(4)[], ?::varchar[], ?::char(7)[], ?::uuid[], ?::integer[])
                                AS c (municipality, basis, month, household_id, delta)),
                        upserted AS (
                            INSERT INTO spend_household_month AS hm (municipality, basis, month, household_id, live_payments)
                            SELECT municipality, basis, month, household_id, delta FROM c
                            ON CONFLICT (municipality, basis, month, household_id)
                                DO UPDATE SET live_payments = hm.live_payments + EXCLUDED.live_payments
                            RETURNING municipality, basis, month, household_id, live_payments),
                        counted AS (
                            SELECT u.municipality, u.basis, u.month,
                                   sum((u.live_payments > 0)::integer - (u.live_payments - c.delta > 0)::integer) AS households
                            FROM upserted u JOIN c USING (municipality, basis, month, household_id)
                            GROUP BY u.municipality, u.basis, u.month)
                        INSERT INTO spend_month AS s (municipality, basis, month, scheduled_ore, executed_ore, returned_ore, payment_count, household_count)
                        SELECT municipality, basis, month, 0, 0, 0, 0, households FROM counted
                        ON CONFLICT (municipality, basis, month) DO UPDATE SET household_count = s.household_count + EXCLUDED.household_count""",
                SpendPersons.withDeltas(SpendPersons.householdMonths(changed.stream().map(Map.Entry::getKey).toList()),
                        changed.stream().map(Map.Entry::getValue).toArray(Integer[]::new)));
        persons.livePaymentsChanged(changed);
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
