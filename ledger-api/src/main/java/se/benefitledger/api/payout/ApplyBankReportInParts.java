package se.benefitledger.api.payout;

import org.springframework.stereotype.Component;
import se.benefitledger.api.bulk.BulkKind;
import se.benefitledger.core.payment.ReturnPaymentsCommand;
import se.benefitledger.core.payout.RecordBankReportCommand;
import se.benefitledger.core.payout.SettlePayoutBatchCommand;
import se.benefitledger.projections.decision.DecisionQueries;
import se.benefitledger.projections.payout.PayoutBatchQueries;

import java.util.Optional;

/**
 * A bank report applied in parts: its settlements (a part each, as a settlement in parts), then its returns (up to
 * {@value ReturnPaymentsCommand#MAX_RETURNS} payments a part), then the record of the message, which makes the same
 * message again change nothing. Each part locks what it changes, as the same commands sent on their own would.
 */
@Component
class ApplyBankReportInParts implements BulkKind {

    static final String NAME = "APPLY_BANK_REPORT";
    private final SettleInParts settling;
    private final PayoutBatchQueries batches;
    private final DecisionQueries decisions;

    ApplyBankReportInParts(SettleInParts settling, PayoutBatchQueries batches, DecisionQueries decisions) {
        this.settling = settling;
        this.batches = batches;
        this.decisions = decisions;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Object> prepare(Object part) {
        if (part instanceof SettlePayoutBatchCommand settle) {
            return settling.prepare(settle);
        }
        if (part instanceof ReturnPaymentsCommand returns) {
            decisions.lockDecisionsOfPayments(returns.aggregateIdentifiers());
        } else {
            batches.lock(((RecordBankReportCommand) part).batchId());
        }
        return Optional.of(part);
    }
}
