package se.benefitledger.api.payout;

import org.springframework.stereotype.Component;
import se.benefitledger.api.bulk.BulkKind;
import se.benefitledger.core.payout.SettlePayoutBatchCommand;
import se.benefitledger.core.payout.SettlementOutcome;
import se.benefitledger.projections.decision.DecisionQueries;
import se.benefitledger.projections.payout.PayoutBatchQueries;

import java.util.Optional;

/**
 * A settlement in parts, each an ordinary settlement of some of the batch's payments (the contract
 * allows several). Bulk commands run side by side until their inserts, so each part first locks the
 * batch's row (another settlement's part of the same batch waits, then loads the batch as that part
 * left it), then, as a rejection releases its decision's reservation, those decisions' rows (see
 * DecisionQueries), in the order a bank report locks them.
 */
@Component
class SettleInParts implements BulkKind {

    static final String NAME = "SETTLE_PAYOUT_BATCH";
    private final PayoutBatchQueries batches;
    private final DecisionQueries decisions;

    SettleInParts(PayoutBatchQueries batches, DecisionQueries decisions) {
        this.batches = batches;
        this.decisions = decisions;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Object> prepare(Object part) {
        var settle = (SettlePayoutBatchCommand) part;
        batches.lock(settle.batchId());
        decisions.lockDecisionsOfPayments(settle.results().stream().filter(result -> result.outcome() == SettlementOutcome.REJECTED)
                                                .map(result -> result.paymentId()).toList());
        return Optional.of(settle);
    }
}
