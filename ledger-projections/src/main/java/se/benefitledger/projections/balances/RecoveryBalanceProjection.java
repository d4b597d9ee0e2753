package se.benefitledger.projections.balances;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.benefitledger.core.recovery.ClaimStatus;
import se.benefitledger.core.recovery.ClaimWaivedEvent;
import se.benefitledger.core.recovery.ClaimWrittenOffEvent;
import se.benefitledger.core.recovery.RecoveryClaimClosedEvent;
import se.benefitledger.core.recovery.RecoveryClaimDecidedEvent;
import se.benefitledger.core.recovery.RepaymentReceivedEvent;
import se.benefitledger.projections.sql.SqlBatch;

/** The recovery-balances projection: table {@code recovery_balance}. */
@Component
@ProcessingGroup(RecoveryBalanceProjection.NAME)
class RecoveryBalanceProjection {

    static final String NAME = "recovery-balances";

    private final SqlBatch sql;
    private final JdbcTemplate jdbc;

    RecoveryBalanceProjection(SqlBatch sql, JdbcTemplate jdbc) {
        this.sql = sql;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RecoveryClaimDecidedEvent event) {
        sql.update("""
                INSERT INTO recovery_balance (claim_id, municipality, household_id, principal_ore, status, ground, law_regime, decided_on,
                                              action_deadline)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                event.claimId(), event.municipality().code(), event.householdId(), event.principal().ore(), ClaimStatus.OPEN.name(),
                event.ground().name(), event.lawRegime().name(), event.decidedOn(), event.actionDeadline());
    }

    @EventHandler
    void on(RepaymentReceivedEvent event) {
        sql.update("UPDATE recovery_balance SET repaid_ore = repaid_ore + ? WHERE claim_id = ?", event.amount().ore(), event.claimId());
    }

    @EventHandler
    void on(ClaimWaivedEvent event) {
        sql.update("UPDATE recovery_balance SET waived_ore = waived_ore + ? WHERE claim_id = ?", event.amount().ore(), event.claimId());
    }

    @EventHandler
    void on(ClaimWrittenOffEvent event) {
        sql.update("UPDATE recovery_balance SET written_off_ore = written_off_ore + ? WHERE claim_id = ?", event.amount().ore(), event.claimId());
    }

    @EventHandler
    void on(RecoveryClaimClosedEvent event) {
        sql.update("UPDATE recovery_balance SET status = ? WHERE claim_id = ?", ClaimStatus.CLOSED.name(), event.claimId());
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE recovery_balance");
    }
}
