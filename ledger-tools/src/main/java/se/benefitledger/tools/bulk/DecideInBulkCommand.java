package se.benefitledger.tools.bulk;

import se.benefitledger.core.decision.MakeDecisionCommand;
import se.benefitledger.core.decision.SchedulePaymentCommand;
import se.benefitledger.core.shared.BulkCommand;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Many households' decisions, then payments scheduled from those or from earlier decisions, in
 * one unit of work (loading a municipality's month): each command goes to its household's or
 * decision's own command handler, so every rule holds as for a single command, and one refusal
 * refuses them all.
 */
public record DecideInBulkCommand(List<MakeDecisionCommand> decisions, List<SchedulePaymentCommand> payments) implements BulkCommand {

    public DecideInBulkCommand {
        decisions = List.copyOf(decisions);
        payments = List.copyOf(payments);
    }

    /** The households, then the earlier decisions, in the order the handler loads them; decisions made here are new. */
    @Override
    public Collection<UUID> aggregateIdentifiers() {
        Set<UUID> made = decisions.stream().map(MakeDecisionCommand::decisionId).collect(Collectors.toSet());
        var identifiers = new LinkedHashSet<UUID>();
        decisions.forEach(decision -> identifiers.add(decision.householdId()));
        payments.stream().map(SchedulePaymentCommand::decisionId).filter(id -> !made.contains(id)).forEach(identifiers::add);
        return new ArrayList<>(identifiers);
    }
}
