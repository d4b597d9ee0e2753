package se.benefitledger.core.payout;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Creates the batch of the payments that accepted it ({@link AssignPaymentsToBatchCommand}, in
 * parts), with their amounts as the payments answered them.
 */
public record CreatePayoutBatchCommand(@TargetAggregateIdentifier UUID batchId,
                                       MunicipalityCode municipality,
                                       LocalDate payoutDate,
                                       List<BatchedPayment> payments) {

    public CreatePayoutBatchCommand {
        payments = List.copyOf(payments);
    }
}
