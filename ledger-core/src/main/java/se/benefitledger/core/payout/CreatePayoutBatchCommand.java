package se.benefitledger.core.payout;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.benefitledger.core.shared.BulkCommand;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Puts these SCHEDULED payments of the municipality, due on or before the payout date, into a
 * new batch. Each payment refuses a second batch, so two racing batches never share a payment.
 */
public record CreatePayoutBatchCommand(@TargetAggregateIdentifier UUID batchId,
                                       MunicipalityCode municipality,
                                       LocalDate payoutDate,
                                       List<UUID> paymentIds) implements BulkCommand {

    public CreatePayoutBatchCommand {
        paymentIds = List.copyOf(paymentIds);
    }

    @Override
    public Collection<UUID> aggregateIdentifiers() {
        return paymentIds;
    }
}
