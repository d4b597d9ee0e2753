package se.benefitledger.projections.reconciliation;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.benefitledger.core.payment.PaymentBatchedEvent;
import se.benefitledger.core.payment.PaymentExecutedEvent;
import se.benefitledger.core.payment.PaymentRejectedEvent;
import se.benefitledger.core.payment.PaymentReturnedEvent;
import se.benefitledger.core.payout.BankReportIssue;
import se.benefitledger.core.payout.BankReportRecordedEvent;
import se.benefitledger.core.payout.PayoutBatchCreatedEvent;
import se.benefitledger.core.payout.PayoutBatchSettledEvent;
import se.benefitledger.core.payout.PayoutBatchSettlementRecordedEvent;
import se.benefitledger.projections.sql.PerBatch;
import se.benefitledger.projections.sql.Sql;

import java.util.ArrayList;
import java.util.SortedMap;
import java.util.UUID;

/**
 * The reconciliation projection: per payout batch its totals ({@code reconciliation_batch}) and,
 * per payment, the batch's account next to the payment's own ({@code reconciliation_payment}).
 */
@Component
@ProcessingGroup(ReconciliationProjection.NAME)
class ReconciliationProjection {

    static final String NAME = "reconciliation";

    private final JdbcTemplate jdbc;
    private final PerBatch<UUID, ReconciliationPatches.BatchPatch> batches;
    private final PerBatch<ReconciliationPatches.PaymentKey, ReconciliationPatches.PaymentPatch> payments;

    ReconciliationProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.batches = new PerBatch<>(NAME + ".batches", ReconciliationPatches.BatchPatch::then, this::writeBatches);
        this.payments = new PerBatch<>(NAME + ".payments", ReconciliationPatches.PaymentPatch::then, this::writePayments);
    }

    @EventHandler
    void on(PayoutBatchCreatedEvent event) {
        apply(ReconciliationPatches.of(event));
    }

    @EventHandler
    void on(PayoutBatchSettlementRecordedEvent event) {
        apply(ReconciliationPatches.of(event));
    }

    @EventHandler
    void on(PayoutBatchSettledEvent event) {
        apply(ReconciliationPatches.of(event));
    }

    @EventHandler
    void on(PaymentBatchedEvent event) {
        apply(ReconciliationPatches.of(event));
    }

    @EventHandler
    void on(PaymentExecutedEvent event) {
        apply(ReconciliationPatches.of(event));
    }

    @EventHandler
    void on(PaymentRejectedEvent event) {
        apply(ReconciliationPatches.of(event));
    }

    @EventHandler
    void on(PaymentReturnedEvent event) {
        apply(ReconciliationPatches.of(event));
    }

    /** What the bank reported and the ledger did not apply is kept as the batch's discrepancies. */
    @EventHandler
    void on(BankReportRecordedEvent event) {
        var rows = new ArrayList<Object[]>();
        for (var issue : event.unmatched()) {
            rows.add(bankIssue(event, rows.size(), "UNMATCHED", issue));
        }
        for (var issue : event.conflicts()) {
            rows.add(bankIssue(event, rows.size(), "CONFLICT", issue));
        }
        if (!rows.isEmpty()) {
            Sql.batchUpdate(jdbc, """
                    INSERT INTO reconciliation_bank_issue (batch_id, message_id, position, problem, end_to_end_id, payment_id, bank_state,
                                                           bank_amount_ore, ledger_state, detail)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        }
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE reconciliation_batch, reconciliation_payment, reconciliation_bank_issue");
    }

    private static Object[] bankIssue(BankReportRecordedEvent event, int position, String problem, BankReportIssue issue) {
        return new Object[]{event.batchId(), event.messageId(), position, problem, issue.endToEndId(), issue.paymentId(), issue.bankState(),
                issue.bankAmount() == null ? null : issue.bankAmount().ore(), issue.ledgerState(), issue.detail()};
    }

    private void apply(ReconciliationPatches.Patches patches) {
        patches.batches().forEach(batch -> batches.add(batch.batchId(), batch.patch()));
        patches.payments().forEach(payment -> payments.add(payment.key(), payment.patch()));
    }

    private void writeBatches(SortedMap<UUID, ReconciliationPatches.BatchPatch> patches) {
        Sql.batchUpdate(jdbc, """
                        INSERT INTO reconciliation_batch AS b (batch_id, municipality, payout_date, status, payment_count, control_total_ore,
                            executed_count, executed_ore, rejected_count, rejected_ore, returned_count, returned_ore)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (batch_id) DO UPDATE SET
                            municipality = coalesce(EXCLUDED.municipality, b.municipality),
                            payout_date = coalesce(EXCLUDED.payout_date, b.payout_date),
                            status = coalesce(EXCLUDED.status, b.status),
                            payment_count = coalesce(EXCLUDED.payment_count, b.payment_count),
                            control_total_ore = coalesce(EXCLUDED.control_total_ore, b.control_total_ore),
                            executed_count = b.executed_count + EXCLUDED.executed_count, executed_ore = b.executed_ore + EXCLUDED.executed_ore,
                            rejected_count = b.rejected_count + EXCLUDED.rejected_count, rejected_ore = b.rejected_ore + EXCLUDED.rejected_ore,
                            returned_count = b.returned_count + EXCLUDED.returned_count, returned_ore = b.returned_ore + EXCLUDED.returned_ore""",
                patches.entrySet().stream().map(entry -> {
                    var patch = entry.getValue();
                    return new Object[]{entry.getKey(), patch.municipality(), patch.payoutDate(), patch.status() == null ? null : patch.status().name(),
                            patch.paymentCount(), patch.controlTotal(), patch.executed(), patch.executedOre(), patch.rejected(), patch.rejectedOre(),
                            patch.returned(), patch.returnedOre()};
                }).toList());
    }

    private void writePayments(SortedMap<ReconciliationPatches.PaymentKey, ReconciliationPatches.PaymentPatch> patches) {
        Sql.batchUpdate(jdbc, """
                        INSERT INTO reconciliation_payment AS p (batch_id, payment_id, in_batch, batch_amount_ore, batch_outcome, payment_state,
                            payment_amount_ore)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (batch_id, payment_id) DO UPDATE SET
                            in_batch = p.in_batch OR EXCLUDED.in_batch,
                            batch_amount_ore = coalesce(EXCLUDED.batch_amount_ore, p.batch_amount_ore),
                            batch_outcome = coalesce(EXCLUDED.batch_outcome, p.batch_outcome),
                            payment_state = coalesce(EXCLUDED.payment_state, p.payment_state),
                            payment_amount_ore = coalesce(EXCLUDED.payment_amount_ore, p.payment_amount_ore)""",
                patches.entrySet().stream().map(entry -> {
                    var patch = entry.getValue();
                    return new Object[]{entry.getKey().batchId(), entry.getKey().paymentId(), patch.inBatch(), patch.batchAmount(),
                            patch.batchOutcome(), patch.paymentState(), patch.paymentAmount()};
                }).toList());
    }
}
