package se.benefitledger.projections.balances;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.benefitledger.core.recovery.ClaimWaivedEvent;
import se.benefitledger.core.recovery.ClaimWrittenOffEvent;
import se.benefitledger.core.recovery.RecoveryClaimDecidedEvent;
import se.benefitledger.core.recovery.RefundPaidEvent;
import se.benefitledger.core.recovery.RepaymentReceivedEvent;
import se.benefitledger.projections.json.LedgerJson;
import se.benefitledger.projections.sql.SqlBatch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The recovery-balances projection: each claim ({@code recovery_balance}) and every movement of
 * money on it on the day it happened ({@code recovery_movement}), so that balances can be read as
 * of any day and flows per month.
 */
@Component
@ProcessingGroup(RecoveryBalanceProjection.NAME)
class RecoveryBalanceProjection {

    static final String NAME = "recovery-balances";
    static final ObjectMapper JSON = LedgerJson.eventObjectMapper();
    /** Waivers and write-offs recorded before their decision date was: the day they were recorded, in Sweden. */
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final String MOVEMENT = """
            INSERT INTO recovery_movement (claim_id, municipality, kind, on_date, principal_ore, repaid_ore, waived_ore, written_off_ore,
                                           reinstated_ore, overpaid_ore, refunded_ore)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final SqlBatch sql;
    private final JdbcTemplate jdbc;

    RecoveryBalanceProjection(SqlBatch sql, JdbcTemplate jdbc) {
        this.sql = sql;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RecoveryClaimDecidedEvent event) throws JsonProcessingException {
        sql.update("""
                INSERT INTO recovery_balance (claim_id, municipality, household_id, principal_ore, ground, law_regime, decided_on,
                                              action_deadline, links)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""",
                event.claimId(), event.municipality().code(), event.householdId(), event.principal().ore(), event.ground().name(),
                event.lawRegime().name(), event.decidedOn(), event.actionDeadline(), JSON.writeValueAsString(event.payments()));
        sql.update(MOVEMENT, event.claimId(), event.municipality().code(), "DECIDED", event.decidedOn(), event.principal().ore(), 0, 0, 0, 0, 0, 0);
    }

    @EventHandler
    void on(RepaymentReceivedEvent event) {
        sql.update(MOVEMENT, event.claimId(), event.municipality().code(), "REPAYMENT", event.receivedOn(), 0, event.repaid().ore(), 0, 0,
                event.fromWrittenOff().ore(), event.excess().ore(), 0);
    }

    @EventHandler
    void on(ClaimWaivedEvent event, @Timestamp Instant recordedAt) {
        sql.update(MOVEMENT, event.claimId(), event.municipality().code(), "WAIVER", dayOf(event.decidedOn(), recordedAt), 0, 0,
                event.amount().ore(), 0, 0, 0, 0);
    }

    @EventHandler
    void on(ClaimWrittenOffEvent event, @Timestamp Instant recordedAt) {
        sql.update(MOVEMENT, event.claimId(), event.municipality().code(), "WRITE_OFF", dayOf(event.decidedOn(), recordedAt), 0, 0, 0,
                event.amount().ore(), 0, 0, 0);
    }

    @EventHandler
    void on(RefundPaidEvent event) {
        sql.update(MOVEMENT, event.claimId(), event.municipality().code(), "REFUND", event.paidOn(), 0, 0, 0, 0, 0, 0, event.amount().ore());
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE recovery_balance, recovery_movement");
    }

    private static LocalDate dayOf(LocalDate decidedOn, Instant recordedAt) {
        return decidedOn != null ? decidedOn : LocalDate.ofInstant(recordedAt, SWEDEN);
    }
}
