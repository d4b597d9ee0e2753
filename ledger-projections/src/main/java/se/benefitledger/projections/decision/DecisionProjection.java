package se.benefitledger.projections.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;
import se.benefitledger.core.decision.DecisionAmountReservedEvent;
import se.benefitledger.core.decision.DecisionMadeEvent;
import se.benefitledger.core.decision.DecisionReservationReleasedEvent;
import se.benefitledger.core.decision.DecisionRevokedEvent;
import se.benefitledger.core.decision.DecisionStatus;
import se.benefitledger.projections.json.LedgerJson;
import se.benefitledger.projections.sql.SqlBatch;

/** Keeps the {@code decision} table, in the command's transaction. */
@Component
@ProcessingGroup("decision-view")
class DecisionProjection {

    static final ObjectMapper JSON = LedgerJson.eventObjectMapper();
    private final SqlBatch sql;

    DecisionProjection(SqlBatch sql) {
        this.sql = sql;
    }

    @EventHandler
    void on(DecisionMadeEvent event, @SequenceNumber long version) throws JsonProcessingException {
        sql.insertNew("""
                INSERT INTO decision (decision_id, household_id, municipality, benefit_month, outcome, legal_basis, lines, incomes,
                                      approved_ore, committed_ore, decided_on, status, version)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, 0, ?, ?, ?)""",
                event.decisionId(), event.householdId(), event.municipality().code(), event.benefitMonth().toString(), event.outcome().name(),
                event.legalBasis().name(), JSON.writeValueAsString(event.lines()), JSON.writeValueAsString(event.incomes()),
                event.approvedAmount().ore(), event.decidedOn(), DecisionStatus.ACTIVE.name(), version);
    }

    @EventHandler
    void on(DecisionAmountReservedEvent event, @SequenceNumber long version) {
        sql.update("UPDATE decision SET committed_ore = committed_ore + ?, version = ? WHERE decision_id = ?",
                event.amount().ore(), version, event.decisionId());
    }

    @EventHandler
    void on(DecisionReservationReleasedEvent event, @SequenceNumber long version) {
        sql.update("UPDATE decision SET committed_ore = committed_ore - ?, version = ? WHERE decision_id = ?",
                event.amount().ore(), version, event.decisionId());
    }

    @EventHandler
    void on(DecisionRevokedEvent event, @SequenceNumber long version) {
        sql.update("UPDATE decision SET status = ?, version = ? WHERE decision_id = ?", DecisionStatus.REVOKED.name(), version,
                event.decisionId());
    }
}
