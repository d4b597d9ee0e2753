package se.benefitledger.projections.reconciliation;

import se.benefitledger.core.payment.PaymentBatchedEvent;
import se.benefitledger.core.payment.PaymentExecutedEvent;
import se.benefitledger.core.payment.PaymentRejectedEvent;
import se.benefitledger.core.payment.PaymentReturnedEvent;
import se.benefitledger.core.payout.PayoutBatchCreatedEvent;
import se.benefitledger.core.payout.PayoutBatchSettledEvent;
import se.benefitledger.core.payout.PayoutBatchSettlementRecordedEvent;
import se.benefitledger.core.payout.PayoutBatchStatus;
import se.benefitledger.core.payout.SettlementOutcome;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What each event changes in reconciliation, as patches of rows: later patches of a row override
 * its fields, counters add up. Pure; the projection sums a batch of patches per row and writes
 * each row once.
 */
final class ReconciliationPatches {

    /** A batch's row: the creation's fields (null when not in this patch), counters, and its status. */
    record BatchPatch(String municipality, LocalDate payoutDate, PayoutBatchStatus status, Integer paymentCount, Long controlTotal,
                      int executed, long executedOre, int rejected, long rejectedOre, int returned, long returnedOre) {

        static final BatchPatch NONE = new BatchPatch(null, null, null, null, null, 0, 0, 0, 0, 0, 0);

        BatchPatch then(BatchPatch later) {
            return new BatchPatch(later(municipality, later.municipality), later(payoutDate, later.payoutDate), later(status, later.status),
                    later(paymentCount, later.paymentCount), later(controlTotal, later.controlTotal), executed + later.executed,
                    executedOre + later.executedOre, rejected + later.rejected, rejectedOre + later.rejectedOre, returned + later.returned,
                    returnedOre + later.returnedOre);
        }
    }

    /** A payment of a batch: the batch's side and the payment's side; null fields are not changed. */
    record PaymentPatch(boolean inBatch, Long batchAmount, String batchOutcome, String paymentState, Long paymentAmount) {

        PaymentPatch then(PaymentPatch later) {
            return new PaymentPatch(inBatch || later.inBatch, later(batchAmount, later.batchAmount), later(batchOutcome, later.batchOutcome),
                    later(paymentState, later.paymentState), later(paymentAmount, later.paymentAmount));
        }
    }

    record PaymentKey(UUID batchId, UUID paymentId) implements Comparable<PaymentKey> {
        @Override
        public int compareTo(PaymentKey other) {
            int byBatch = batchId.compareTo(other.batchId);
            return byBatch != 0 ? byBatch : paymentId.compareTo(other.paymentId);
        }
    }

    record Patches(List<Batch> batches, List<Payment> payments) {
    }

    record Batch(UUID batchId, BatchPatch patch) {
    }

    record Payment(PaymentKey key, PaymentPatch patch) {
    }

    private ReconciliationPatches() {
    }

    static Patches of(PayoutBatchCreatedEvent event) {
        var payments = event.payments().stream()
                            .map(payment -> new Payment(new PaymentKey(event.batchId(), payment.paymentId()),
                                    new PaymentPatch(true, payment.amount().ore(), null, null, null)))
                            .toList();
        return new Patches(List.of(new Batch(event.batchId(), new BatchPatch(event.municipality().code(), event.payoutDate(),
                PayoutBatchStatus.CREATED, event.payments().size(), event.controlTotal().ore(), 0, 0, 0, 0, 0, 0))), payments);
    }

    static Patches of(PayoutBatchSettlementRecordedEvent event) {
        int executed = 0;
        long executedOre = 0;
        int rejected = 0;
        long rejectedOre = 0;
        var payments = new ArrayList<Payment>();
        for (var result : event.results()) {
            payments.add(new Payment(new PaymentKey(event.batchId(), result.paymentId()), new PaymentPatch(false, null, result.outcome().name(), null, null)));
            if (result.outcome() == SettlementOutcome.EXECUTED) {
                executed++;
                executedOre += result.amount().ore();
            } else {
                rejected++;
                rejectedOre += result.amount().ore();
            }
        }
        return new Patches(List.of(new Batch(event.batchId(),
                new BatchPatch(null, null, null, null, null, executed, executedOre, rejected, rejectedOre, 0, 0))), payments);
    }

    static Patches of(PayoutBatchSettledEvent event) {
        return new Patches(List.of(new Batch(event.batchId(),
                new BatchPatch(null, null, PayoutBatchStatus.SETTLED, null, null, 0, 0, 0, 0, 0, 0))), List.of());
    }

    static Patches of(PaymentBatchedEvent event) {
        return payment(event.batchId(), event.paymentId(), "BATCHED", null);
    }

    static Patches of(PaymentExecutedEvent event) {
        return payment(event.batchId(), event.paymentId(), "EXECUTED", event.amount().ore());
    }

    static Patches of(PaymentRejectedEvent event) {
        return payment(event.batchId(), event.paymentId(), "REJECTED", event.amount().ore());
    }

    static Patches of(PaymentReturnedEvent event) {
        var payment = payment(event.batchId(), event.paymentId(), "RETURNED", event.amount().ore());
        return new Patches(List.of(new Batch(event.batchId(),
                new BatchPatch(null, null, null, null, null, 0, 0, 0, 0, 1, event.amount().ore()))), payment.payments());
    }

    private static Patches payment(UUID batchId, UUID paymentId, String state, Long amount) {
        return new Patches(List.of(), List.of(new Payment(new PaymentKey(batchId, paymentId), new PaymentPatch(false, null, null, state, amount))));
    }

    private static <T> T later(T earlier, T later) {
        return later != null ? later : earlier;
    }
}
