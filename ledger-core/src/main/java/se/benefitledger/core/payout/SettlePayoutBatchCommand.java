package se.benefitledger.core.payout;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.benefitledger.core.shared.BulkCommand;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The bank's answers for some or all payments of a batch; {@code settledOn} becomes the executed payments' execution date. */
public record SettlePayoutBatchCommand(@TargetAggregateIdentifier UUID batchId,
                                       LocalDate settledOn,
                                       List<SettlementInstruction> results,
                                       Long expectedVersion) implements BulkCommand {

    public SettlePayoutBatchCommand {
        results = List.copyOf(results);
    }

    @Override
    public Collection<UUID> aggregateIdentifiers() {
        var ids = new ArrayList<UUID>(results.size() + 1);
        ids.add(batchId);
        results.forEach(result -> ids.add(result.paymentId()));
        return ids;
    }
}
