package se.benefitledger.tools.bulk;

import se.benefitledger.core.household.RegisterHouseholdCommand;
import se.benefitledger.core.shared.BulkCommand;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Registers many households in one unit of work (loading a municipality's history), each through
 * the household's own rules; one refused household refuses them all.
 */
public record RegisterHouseholdsCommand(List<RegisterHouseholdCommand> households) implements BulkCommand {

    public RegisterHouseholdsCommand {
        households = List.copyOf(households);
    }

    /** None: its households are new. A bulk command all the same, whose events take their indexes as one block. */
    @Override
    public Collection<UUID> aggregateIdentifiers() {
        return List.of();
    }
}
