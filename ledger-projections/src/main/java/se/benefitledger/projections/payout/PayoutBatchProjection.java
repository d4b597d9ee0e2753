package se.benefitledger.projections.payout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;
import se.benefitledger.core.payout.BankReportRecordedEvent;
import se.benefitledger.core.payout.PayoutBatchCreatedEvent;
import se.benefitledger.core.payout.PayoutBatchSettledEvent;
import se.benefitledger.core.payout.PayoutBatchSettlementRecordedEvent;
import se.benefitledger.core.payout.PayoutBatchStatus;
import se.benefitledger.core.payout.SettledPayment;
import se.benefitledger.core.payout.SettlementOutcome;
import se.benefitledger.projections.json.LedgerJson;
import se.benefitledger.projections.sql.SqlBatch;

import java.util.List;

/** Keeps the {@code payout_batch} table, in the command's transaction. */
@Component
@ProcessingGroup("payout-batch-view")
class PayoutBatchProjection {

    static final ObjectMapper JSON = LedgerJson.eventObjectMapper();
    private final SqlBatch sql;

    PayoutBatchProjection(SqlBatch sql) {
        this.sql = sql;
    }

    @EventHandler
    void on(BankReportRecordedEvent event, @SequenceNumber long version) throws JsonProcessingException {
        sql.update("INSERT INTO bank_report (batch_id, message_id, applied, unmatched, conflicts) VALUES (?, ?, ?, ?::jsonb, ?::jsonb)",
                event.batchId(), event.messageId(), event.applied(), JSON.writeValueAsString(event.unmatched()),
                JSON.writeValueAsString(event.conflicts()));
        sql.update("UPDATE payout_batch SET version = ? WHERE batch_id = ?", version, event.batchId());
    }

    @EventHandler
    void on(PayoutBatchCreatedEvent event, @SequenceNumber long version) {
        sql.update("""
                INSERT INTO payout_batch (batch_id, municipality, payout_date, status, payment_count, control_total_ore, version)
                VALUES (?, ?, ?, ?, ?, ?, ?)""",
                event.batchId(), event.municipality().code(), event.payoutDate(), PayoutBatchStatus.CREATED.name(), event.payments().size(),
                event.controlTotal().ore(), version);
    }

    @EventHandler
    void on(PayoutBatchSettlementRecordedEvent event, @SequenceNumber long version) {
        var executed = event.results().stream().filter(result -> result.outcome() == SettlementOutcome.EXECUTED).toList();
        var rejected = event.results().stream().filter(result -> result.outcome() == SettlementOutcome.REJECTED).toList();
        sql.update("""
                UPDATE payout_batch SET executed_count = executed_count + ?, executed_ore = executed_ore + ?,
                                        rejected_count = rejected_count + ?, rejected_ore = rejected_ore + ?, version = ?
                WHERE batch_id = ?""",
                executed.size(), total(executed), rejected.size(), total(rejected), version, event.batchId());
    }

    @EventHandler
    void on(PayoutBatchSettledEvent event, @SequenceNumber long version) {
        sql.update("UPDATE payout_batch SET status = ?, settled_on = ?, version = ? WHERE batch_id = ?",
                PayoutBatchStatus.SETTLED.name(), event.settledOn(), version, event.batchId());
    }

    private static long total(List<SettledPayment> results) {
        return results.stream().mapToLong(result -> result.amount().ore()).sum();
    }
}
