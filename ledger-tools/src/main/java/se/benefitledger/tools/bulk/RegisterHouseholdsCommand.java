package se.benefitledger.tools.bulk;

import se.benefitledger.core.household.RegisterHouseholdCommand;

import java.util.List;

/**
 * Registers many households in one unit of work (loading a municipality's history), each through
 * the household's own rules; one refused household refuses them all.
 */
public record RegisterHouseholdsCommand(List<RegisterHouseholdCommand> households) {

    public RegisterHouseholdsCommand {
        households = List.copyOf(households);
    }
}
