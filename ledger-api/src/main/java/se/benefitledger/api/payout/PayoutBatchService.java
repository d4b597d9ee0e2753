package se.benefitledger.api.payout;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.benefitledger.core.payout.CreatePayoutBatchCommand;
import se.benefitledger.core.payout.SettlePayoutBatchCommand;
import se.benefitledger.core.payout.SettlementInstruction;
import se.benefitledger.core.payout.SettlementOutcome;
import se.benefitledger.core.shared.BusinessRuleViolation;
import se.benefitledger.projections.decision.DecisionQueries;
import se.benefitledger.projections.payment.PaymentQueries;
import se.benefitledger.projections.payout.PayoutBatchQueries;
import se.benefitledger.projections.payout.PayoutBatchView;

import java.util.UUID;

@Service
class PayoutBatchService {

    private final CommandGateway commands;
    private final PaymentQueries payments;
    private final PayoutBatchQueries batches;
    private final DecisionQueries decisions;
    private final DistributionSummary batchSizes;

    PayoutBatchService(CommandGateway commands, PaymentQueries payments, PayoutBatchQueries batches, DecisionQueries decisions,
                       MeterRegistry registry) {
        this.commands = commands;
        this.payments = payments;
        this.batches = batches;
        this.decisions = decisions;
        this.batchSizes = DistributionSummary.builder("ledger.payout.batch.size")
                                             .description("payments in each payout batch created")
                                             .baseUnit("payments")
                                             .register(registry);
    }

    /**
     * Takes every SCHEDULED payment of the municipality due by the payout date. The payments' rows
     * are locked first: a racing batch waits, then finds them batched and takes only what is left.
     */
    @Transactional
    public PayoutBatchView create(CreatePayoutBatchRequest request) {
        var paymentIds = payments.lockSchedulable(request.municipality(), request.payoutDate());
        if (paymentIds.isEmpty()) {
            throw new BusinessRuleViolation("a payout batch needs at least one payment: no SCHEDULED payment of municipality "
                    + request.municipality() + " due on or before " + request.payoutDate() + " is in no batch");
        }
        UUID batchId = UUID.randomUUID();
        commands.sendAndWait(new CreatePayoutBatchCommand(batchId, request.municipality(), request.payoutDate(), paymentIds));
        batchSizes.record(paymentIds.size());
        return batches.find(batchId).orElseThrow();
    }

    /** A bank rejection releases its decision's reservation: those decisions' rows are locked first (see DecisionQueries). */
    @Transactional
    public PayoutBatchView settle(UUID batchId, SettlementRequest request, Long expectedVersion) {
        decisions.lockDecisionsOfPayments(request.results().stream().filter(result -> result.status() == SettlementOutcome.REJECTED)
                                                 .map(SettlementRequest.Result::paymentId).toList());
        commands.sendAndWait(new SettlePayoutBatchCommand(batchId, request.settledOn(),
                request.results().stream().map(result -> new SettlementInstruction(result.paymentId(), result.status(), result.reason())).toList(),
                expectedVersion));
        return batches.find(batchId).orElseThrow();
    }
}
