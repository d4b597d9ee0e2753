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
import java.util.SortedMap;

/**
 * The monthly-spend projection: tables {@code spend_month} and {@code spend_household_month}
 * ({@link LiveHouseholdMonths}), and the members counted in them ({@link SpendPersons}). Membership events come to this processor
 * too, so that they and the payments reach the counts in the order they were stored.
 */
@Component
@ProcessingGroup(MonthlySpendProjection.NAME)
class MonthlySpendProjection {

    static final String NAME = "monthly-spend";

    private final JdbcTemplate jdbc;
    private final SpendPersons persons;
    private final LiveHouseholdMonths householdMonths;
    private final PerBatch<SpendCalculator.Row, SpendCalculator.Totals> totals;
    private final PerBatch<SpendCalculator.HouseholdMonth, Integer> live;

    MonthlySpendProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.persons = new SpendPersons(jdbc);
        this.householdMonths = new LiveHouseholdMonths(jdbc);
        this.totals = new PerBatch<>(NAME + ".totals", SpendCalculator.Totals::plus, this::writeTotals);
        this.live = new PerBatch<>(NAME + ".live", Integer::sum, householdMonths::change);
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
}
