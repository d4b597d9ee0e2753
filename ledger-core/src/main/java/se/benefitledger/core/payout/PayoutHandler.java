package se.benefitledger.core.payout;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import se.benefitledger.core.decision.Decision;
import se.benefitledger.core.decision.ReleaseReason;
import se.benefitledger.core.payment.Payment;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Batch creation and settlement, in parts of at most {@link se.benefitledger.core.shared.BulkCommand#MAX_AGGREGATES}
 * payments: each part changes its payments (and, for a rejection, the payment's decision) and, when
 * settling, the batch in one unit of work, so that their events are appended together or not at all.
 */
public class PayoutHandler {

    private final Repository<PayoutBatch> batches;
    private final Repository<Payment> payments;
    private final Repository<Decision> decisions;

    public PayoutHandler(Repository<PayoutBatch> batches, Repository<Payment> payments, Repository<Decision> decisions) {
        this.batches = batches;
        this.payments = payments;
        this.decisions = decisions;
    }

    /** Answers the payments that joined the batch, with their amounts. */
    @CommandHandler
    public List<BatchedPayment> handle(AssignPaymentsToBatchCommand command) {
        var included = new ArrayList<BatchedPayment>(command.paymentIds().size());
        for (UUID paymentId : command.paymentIds()) {
            var amount = payments.load(paymentId.toString())
                                 .invoke(payment -> payment.assignToBatch(command.batchId(), command.municipality(), command.payoutDate()));
            included.add(new BatchedPayment(paymentId, amount));
        }
        return included;
    }

    @CommandHandler
    public UUID handle(CreatePayoutBatchCommand command) throws Exception {
        batches.newInstance(() -> new PayoutBatch(command.batchId(), command.municipality(), command.payoutDate(), command.payments()));
        return command.batchId();
    }

    @CommandHandler
    public void handle(SettlePayoutBatchCommand command) {
        Aggregate<PayoutBatch> batch = batches.load(command.batchId().toString(), command.expectedVersion());
        var settled = batch.invoke(it -> it.recordSettlement(command.settledOn(), command.results()));
        for (var result : settled) {
            Aggregate<Payment> payment = payments.load(result.paymentId().toString());
            switch (result.outcome()) {
                case EXECUTED -> payment.execute(it -> it.execute(command.batchId(), command.settledOn()));
                case REJECTED -> {
                    payment.execute(it -> it.reject(command.batchId(), result.reason()));
                    decisions.load(payment.invoke(Payment::decisionId).toString())
                             .execute(decision -> decision.release(result.paymentId(), ReleaseReason.REJECTED));
                }
            }
        }
    }
}
