package se.benefitledger.api.payout;

import org.springframework.stereotype.Component;
import se.benefitledger.api.bulk.BulkKind;
import se.benefitledger.core.payout.SettlePayoutBatchCommand;
import se.benefitledger.core.payout.SettlementOutcome;
import se.benefitledger.projections.decision.DecisionQueries;

import java.util.Optional;

/**
 * A settlement in parts, each an ordinary settlement of some of the batch's payments (the contract
 * allows several). A rejection releases its decision's reservation: those decisions' rows are
 * locked first (see DecisionQueries).
 */
@Component
class SettleInParts implements BulkKind {

    static final String NAME = "SETTLE_PAYOUT_BATCH";
    private final DecisionQueries decisions;

    SettleInParts(DecisionQueries decisions) {
        this.decisions = decisions;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Object> prepare(Object part) {
        var settle = (SettlePayoutBatchCommand) part;
        decisions.lockDecisionsOfPayments(settle.results().stream().filter(result -> result.outcome() == SettlementOutcome.REJECTED)
                                                .map(result -> result.paymentId()).toList());
        return Optional.of(settle);
    }
}
