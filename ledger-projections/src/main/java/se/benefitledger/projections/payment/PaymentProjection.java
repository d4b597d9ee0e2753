package se.benefitledger.projections.payment;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;
import se.benefitledger.core.payment.ErroneousAmountClaimedEvent;
import se.benefitledger.core.payment.PaymentBatchedEvent;
import se.benefitledger.core.payment.PaymentCancelledEvent;
import se.benefitledger.core.payment.PaymentExecutedEvent;
import se.benefitledger.core.payment.PaymentFoundErroneousEvent;
import se.benefitledger.core.payment.PaymentRejectedEvent;
import se.benefitledger.core.payment.PaymentReissuedEvent;
import se.benefitledger.core.payment.PaymentReturnedEvent;
import se.benefitledger.core.payment.PaymentScheduledEvent;
import se.benefitledger.core.payment.PaymentStatus;
import se.benefitledger.projections.sql.SqlBatch;

import java.util.UUID;

/**
 * Keeps the {@code payment} table, in the command's transaction; a batch of 100,000 is written in JDBC batches, and its
 * payments' batching and execution one statement per part.
 */
@Component
@ProcessingGroup("payment-view")
class PaymentProjection {

    private final SqlBatch sql;

    PaymentProjection(SqlBatch sql) {
        this.sql = sql;
    }

    @EventHandler
    void on(PaymentScheduledEvent event, @SequenceNumber long version) {
        sql.insertNew("""
                INSERT INTO payment (payment_id, decision_id, household_id, municipality, benefit_month, amount_ore, due_date,
                                     payee_type, payee_id, status, reissue_of, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                event.paymentId(), event.decisionId(), event.householdId(), event.municipality().code(), event.benefitMonth().toString(),
                event.amount().ore(), event.dueDate(), event.payeeType().name(), event.payeeId(), PaymentStatus.SCHEDULED.name(),
                event.reissueOf(), version);
    }

    @EventHandler
    void on(PaymentCancelledEvent event, @SequenceNumber long version) {
        status(event.paymentId(), PaymentStatus.CANCELLED, version);
    }

    @EventHandler
    void on(PaymentBatchedEvent event, @SequenceNumber long version) {
        sql.row("""
                UPDATE payment p SET status = 'BATCHED', batch_id = v.batch_id, version = v.version
                FROM unnest(?::uuid[], ?::uuid[], ?::bigint[]) AS v (payment_id, batch_id, version) WHERE p.payment_id = v.payment_id""",
                event.paymentId(), event.batchId(), version);
    }

    @EventHandler
    void on(PaymentExecutedEvent event, @SequenceNumber long version) {
        sql.row("""
                UPDATE payment p SET status = 'EXECUTED', executed_on = v.executed_on, version = v.version
                FROM unnest(?::uuid[], ?::date[], ?::bigint[]) AS v (payment_id, executed_on, version) WHERE p.payment_id = v.payment_id""",
                event.paymentId(), event.executedOn(), version);
    }

    @EventHandler
    void on(PaymentRejectedEvent event, @SequenceNumber long version) {
        status(event.paymentId(), PaymentStatus.REJECTED, version);
    }

    @EventHandler
    void on(PaymentReturnedEvent event, @SequenceNumber long version) {
        sql.update("UPDATE payment SET status = ?, returned_on = ?, version = ? WHERE payment_id = ?",
                PaymentStatus.RETURNED.name(), event.returnedOn(), version, event.paymentId());
    }

    @EventHandler
    void on(PaymentReissuedEvent event, @SequenceNumber long version) {
        sql.update("UPDATE payment SET version = ? WHERE payment_id = ?", version, event.paymentId());
    }

    @EventHandler
    void on(PaymentFoundErroneousEvent event, @SequenceNumber long version) {
        sql.update("UPDATE payment SET erroneous_ore = ?, version = ? WHERE payment_id = ?",
                event.totalErroneous().ore(), version, event.paymentId());
    }

    @EventHandler
    void on(ErroneousAmountClaimedEvent event, @SequenceNumber long version) {
        sql.update("UPDATE payment SET version = ? WHERE payment_id = ?", version, event.paymentId());
    }

    private void status(UUID paymentId, PaymentStatus status, long version) {
        sql.update("UPDATE payment SET status = ?, version = ? WHERE payment_id = ?", status.name(), version, paymentId);
    }
}
