package se.benefitledger.api.payout;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;
import se.benefitledger.api.bulk.BulkCommands;
import se.benefitledger.api.problem.NotFoundException;
import se.benefitledger.core.payout.AssignPaymentsToBatchCommand;
import se.benefitledger.core.payout.SettlePayoutBatchCommand;
import se.benefitledger.core.payout.SettlementInstruction;
import se.benefitledger.core.shared.BulkCommand;
import se.benefitledger.core.shared.BusinessRuleViolation;
import se.benefitledger.projections.payment.PaymentQueries;
import se.benefitledger.projections.payout.PayoutBatchQueries;
import se.benefitledger.projections.payout.PayoutBatchView;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/**
 * Batch creation and settlement, up to 100,000 payments each, as bulk commands in parts
 * ({@link BulkCommands}): whatever else commits meanwhile, no transaction holds more than one
 * part's global indexes open.
 */
@Service
public class PayoutBatchService {

    private final BulkCommands bulk;
    private final CreateBatchInParts creating;
    private final SettleInParts settling;
    private final PaymentQueries payments;
    private final PayoutBatchQueries batches;
    private final DistributionSummary batchSizes;

    PayoutBatchService(BulkCommands bulk, CreateBatchInParts creating, SettleInParts settling, PaymentQueries payments,
                       PayoutBatchQueries batches, MeterRegistry registry) {
        this.bulk = bulk;
        this.creating = creating;
        this.settling = settling;
        this.payments = payments;
        this.batches = batches;
        this.batchSizes = DistributionSummary.builder("ledger.payout.batch.size")
                                             .description("payments in each payout batch created")
                                             .baseUnit("payments")
                                             .register(registry);
    }

    /**
     * Takes every SCHEDULED payment of the municipality due by the payout date. Choosing them locks
     * their rows; a racing batch chooses some of the same, and each part takes only what is still
     * free when it runs, so every payment ends in one batch.
     */
    public PayoutBatchView create(CreatePayoutBatchRequest request) {
        UUID batchId = UUID.randomUUID();
        var started = bulk.start(creating, batchId, request.municipality(), () -> {
            var paymentIds = payments.lockSchedulable(request.municipality(), request.payoutDate());
            if (paymentIds.isEmpty()) {
                throw new BusinessRuleViolation("a payout batch needs at least one payment: no SCHEDULED payment of municipality "
                        + request.municipality() + " due on or before " + request.payoutDate() + " is in no batch");
            }
            return parts(paymentIds).stream()
                                    .map(part -> new AssignPaymentsToBatchCommand(batchId, request.municipality(), request.payoutDate(), part))
                                    .toList();
        });
        bulk.run(started.commandId());
        var batch = batches.find(started.targetId()).orElseThrow();
        batchSizes.record(batch.paymentCount());
        return batch;
    }

    /**
     * Checks every result against the batch, under its row lock, before any part runs, so that a refused settlement
     * changes nothing; {@code expectedVersion} (If-Match) goes with the first part. A bulk command still running on the
     * batch (a settlement or bank report stopped halfway) is finished first ({@link BulkCommands#start}).
     */
    public PayoutBatchView settle(UUID batchId, SettlementRequest request, Long expectedVersion) {
        var batch = batches.find(batchId).orElseThrow(() -> new NotFoundException("payout batch", batchId));
        var results = request.results().stream()
                             .map(result -> new SettlementInstruction(result.paymentId(), result.status(), result.reason())).toList();
        var started = bulk.start(settling, batchId, batch.municipality(), () -> {
            batches.lock(batchId);
            requireUnsettled(batchId, results);
            var parts = parts(results);
            var commands = new ArrayList<SettlePayoutBatchCommand>(parts.size());
            for (int i = 0; i < parts.size(); i++) {
                commands.add(new SettlePayoutBatchCommand(batchId, request.settledOn(), parts.get(i), i == 0 ? expectedVersion : null));
            }
            return commands;
        });
        bulk.run(started.commandId());
        return batches.find(batchId).orElseThrow();
    }

    private void requireUnsettled(UUID batchId, List<SettlementInstruction> results) {
        var unsettled = payments.unsettledInBatch(batchId, results.stream().map(SettlementInstruction::paymentId).toList());
        var seen = new HashSet<UUID>();
        for (var result : results) {
            if (!seen.add(result.paymentId())) {
                throw new BusinessRuleViolation("payment " + result.paymentId() + " of payout batch " + batchId + " is already settled");
            }
            if (!unsettled.contains(result.paymentId())) {
                throw new BusinessRuleViolation(payments.find(result.paymentId()).filter(payment -> batchId.equals(payment.batchId())).isPresent()
                        ? "payment " + result.paymentId() + " of payout batch " + batchId + " is already settled"
                        : "payment " + result.paymentId() + " is not in payout batch " + batchId);
            }
        }
    }

    /** The items in parts of at most {@link BulkCommand#MAX_AGGREGATES}, as bulk commands take them. */
    static <T> List<List<T>> parts(List<T> items) {
        return parts(items, BulkCommand.MAX_AGGREGATES);
    }

    static <T> List<List<T>> parts(List<T> items, int size) {
        var parts = new ArrayList<List<T>>();
        for (int from = 0; from < items.size(); from += size) {
            parts.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return parts;
    }
}
