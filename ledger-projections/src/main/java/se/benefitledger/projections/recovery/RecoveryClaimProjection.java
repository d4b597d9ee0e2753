package se.benefitledger.projections.recovery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;
import se.benefitledger.core.recovery.ClaimStatus;
import se.benefitledger.core.recovery.ClaimWaivedEvent;
import se.benefitledger.core.recovery.ClaimWrittenOffEvent;
import se.benefitledger.core.recovery.RecoveryClaimDecidedEvent;
import se.benefitledger.core.recovery.RefundPaidEvent;
import se.benefitledger.core.recovery.RepaymentReceivedEvent;
import se.benefitledger.projections.json.LedgerJson;
import se.benefitledger.projections.sql.SqlBatch;

import java.util.UUID;

/** Keeps the {@code recovery_claim} table, in the command's transaction; the status follows from the amounts. */
@Component
@ProcessingGroup("recovery-claim-view")
class RecoveryClaimProjection {

    static final ObjectMapper JSON = LedgerJson.eventObjectMapper();
    /** {@link ClaimStatus#of} in SQL, over the row as updated. */
    private static final String STATUS = """
            status = CASE WHEN principal_ore - repaid_ore - waived_ore - written_off_ore > 0 THEN 'OPEN'
                          WHEN written_off_ore > 0 THEN 'WRITTEN_OFF' ELSE 'CLOSED' END""";
    private final SqlBatch sql;

    RecoveryClaimProjection(SqlBatch sql) {
        this.sql = sql;
    }

    @EventHandler
    void on(RecoveryClaimDecidedEvent event, @SequenceNumber long version) throws JsonProcessingException {
        sql.update("""
                INSERT INTO recovery_claim (claim_id, household_id, municipality, payments, principal_ore, status, ground, law_regime,
                                            decided_on, action_deadline, version)
                VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?)""",
                event.claimId(), event.householdId(), event.municipality().code(), JSON.writeValueAsString(event.payments()),
                event.principal().ore(), ClaimStatus.OPEN.name(), event.ground().name(), event.lawRegime().name(), event.decidedOn(),
                event.actionDeadline(), version);
    }

    @EventHandler
    void on(RepaymentReceivedEvent event, @SequenceNumber long version) {
        sql.update("""
                UPDATE recovery_claim SET repaid_ore = repaid_ore + ?, written_off_ore = written_off_ore - ?,
                                          refund_due_ore = refund_due_ore + ?, version = ?
                WHERE claim_id = ?""", event.repaid().ore(), event.fromWrittenOff().ore(), event.excess().ore(), version, event.claimId());
        status(event.claimId());
    }

    @EventHandler
    void on(ClaimWaivedEvent event, @SequenceNumber long version) {
        sql.update("UPDATE recovery_claim SET waived_ore = waived_ore + ?, version = ? WHERE claim_id = ?", event.amount().ore(), version,
                event.claimId());
        status(event.claimId());
    }

    @EventHandler
    void on(ClaimWrittenOffEvent event, @SequenceNumber long version) {
        sql.update("UPDATE recovery_claim SET written_off_ore = written_off_ore + ?, version = ? WHERE claim_id = ?", event.amount().ore(),
                version, event.claimId());
        status(event.claimId());
    }

    @EventHandler
    void on(RefundPaidEvent event, @SequenceNumber long version) {
        sql.update("UPDATE recovery_claim SET refund_due_ore = refund_due_ore - ?, version = ? WHERE claim_id = ?", event.amount().ore(),
                version, event.claimId());
    }

    private void status(UUID claimId) {
        sql.update("UPDATE recovery_claim SET " + STATUS + " WHERE claim_id = ?", claimId);
    }
}
