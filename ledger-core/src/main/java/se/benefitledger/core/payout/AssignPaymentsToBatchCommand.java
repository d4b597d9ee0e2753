package se.benefitledger.core.payout;

import se.benefitledger.core.shared.BulkCommand;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * One part of creating a payout batch: these SCHEDULED payments of the municipality, due on or
 * before the payout date, join the batch. Each payment refuses a second batch, so two racing
 * batches never share a payment. The batch itself is created by {@link CreatePayoutBatchCommand}
 * once every part is done.
 */
public record AssignPaymentsToBatchCommand(UUID batchId,
                                           MunicipalityCode municipality,
                                           LocalDate payoutDate,
                                           List<UUID> paymentIds) implements BulkCommand {

    public AssignPaymentsToBatchCommand {
        paymentIds = List.copyOf(paymentIds);
    }

    @Override
    public Collection<UUID> aggregateIdentifiers() {
        return paymentIds;
    }
}
