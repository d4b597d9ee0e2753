package se.benefitledger.projections.history;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.benefitledger.core.decision.DecisionMadeEvent;
import se.benefitledger.core.household.HouseholdRegisteredEvent;
import se.benefitledger.core.payment.PaymentScheduledEvent;
import se.benefitledger.core.recovery.RecoveryClaimDecidedEvent;
import se.benefitledger.projections.sql.PerBatch;
import se.benefitledger.projections.sql.Sql;

import java.util.SortedMap;
import java.util.UUID;

/**
 * The household-history projection: which household each aggregate belongs to
 * ({@code history_aggregate}). The history itself is the event store's own record of those
 * aggregates, read by {@link HouseholdHistoryQueries}.
 */
@Component
@ProcessingGroup(HouseholdHistoryProjection.NAME)
class HouseholdHistoryProjection {

    static final String NAME = "household-history";

    private final JdbcTemplate jdbc;
    private final PerBatch<UUID, UUID> owners;

    HouseholdHistoryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.owners = new PerBatch<>(NAME, (first, same) -> first, this::write);
    }

    @EventHandler
    void on(HouseholdRegisteredEvent event) {
        owners.add(event.householdId(), event.householdId());
    }

    @EventHandler
    void on(DecisionMadeEvent event) {
        owners.add(event.decisionId(), event.householdId());
    }

    @EventHandler
    void on(PaymentScheduledEvent event) {
        owners.add(event.paymentId(), event.householdId());
    }

    @EventHandler
    void on(RecoveryClaimDecidedEvent event) {
        owners.add(event.claimId(), event.householdId());
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE history_aggregate");
    }

    private void write(SortedMap<UUID, UUID> aggregateOwners) {
        Sql.batchUpdate(jdbc, "INSERT INTO history_aggregate (aggregate_id, household_id) VALUES (?, ?) ON CONFLICT (aggregate_id) DO NOTHING",
                aggregateOwners.entrySet().stream().map(entry -> new Object[]{entry.getKey().toString(), entry.getValue()}).toList());
    }
}
