package se.benefitledger.core.payment;

import se.benefitledger.core.shared.BulkCommand;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The returns of a bank's notification, in one unit of work: each as its {@link ReturnPaymentCommand} alone would
 * return it. At most {@value #MAX_RETURNS}: each return changes its payment and its decision, and a bulk command
 * changes at most {@value BulkCommand#MAX_AGGREGATES} aggregates.
 */
public record ReturnPaymentsCommand(List<ReturnPaymentCommand> returns) implements BulkCommand {

    public static final int MAX_RETURNS = MAX_AGGREGATES / 2;

    public ReturnPaymentsCommand {
        returns = List.copyOf(returns);
        if (returns.isEmpty() || returns.size() > MAX_RETURNS) {
            throw new IllegalArgumentException("returns of 1 to " + MAX_RETURNS + " payments in one command, not " + returns.size());
        }
    }

    @Override
    public Collection<UUID> aggregateIdentifiers() {
        return returns.stream().map(ReturnPaymentCommand::paymentId).toList();
    }
}
