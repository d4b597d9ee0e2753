package se.benefitledger.api.payout;

import org.springframework.stereotype.Component;
import se.benefitledger.api.bulk.BulkKind;
import se.benefitledger.core.payment.ReturnPaymentCommand;
import se.benefitledger.core.payout.RecordBankReportCommand;
import se.benefitledger.core.payout.SettlePayoutBatchCommand;
import se.benefitledger.projections.decision.DecisionQueries;
import se.benefitledger.projections.payout.PayoutBatchQueries;

import java.util.List;
import java.util.Optional;

/**
 * A bank report applied in parts: its settlements (a part each, as a settlement in parts), then its returns (one
 * payment each), then the record of the message, which makes the same message again change nothing. Each part
 * locks what it changes, as the same command sent on its own would.
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
        if (part instanceof ReturnPaymentCommand returned) {
            decisions.lockDecisionsOfPayments(List.of(returned.paymentId()));
        } else {
            batches.lock(((RecordBankReportCommand) part).batchId());
        }
        return Optional.of(part);
    }
}
