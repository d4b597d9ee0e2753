package se.benefitledger.api.payout;

import se.benefitledger.core.payout.PayoutBatchStatus;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.projections.payout.PayoutBatchView;

import java.time.LocalDate;
import java.util.UUID;

record PayoutBatchResponse(UUID batchId,
                           MunicipalityCode municipality,
                           LocalDate payoutDate,
                           PayoutBatchStatus status,
                           int paymentCount,
                           Money controlTotal,
                           int executedCount,
                           Money executedTotal,
                           int rejectedCount,
                           Money rejectedTotal,
                           int unsettledCount,
                           LocalDate settledOn,
                           long version) {

    static PayoutBatchResponse of(PayoutBatchView view) {
        return new PayoutBatchResponse(view.batchId(), view.municipality(), view.payoutDate(), view.status(), view.paymentCount(),
                view.controlTotal(), view.executedCount(), view.executedTotal(), view.rejectedCount(), view.rejectedTotal(),
                view.paymentCount() - view.executedCount() - view.rejectedCount(), view.settledOn(), view.version());
    }
}
