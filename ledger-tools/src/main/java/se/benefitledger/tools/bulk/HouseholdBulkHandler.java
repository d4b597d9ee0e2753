package se.benefitledger.tools.bulk;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.Repository;
import se.benefitledger.core.decision.Decision;
import se.benefitledger.core.household.Household;
import se.benefitledger.core.household.RegisterHouseholdCommand;

/**
 * Bulk commands for loading history: each part is handled by the aggregate's own command handler
 * (registration by the household's constructor, a decision by its household, a payment by its
 * decision), all in the bulk command's unit of work, so that their events are appended together,
 * in JDBC batches.
 */
public class HouseholdBulkHandler {

    private final Repository<Household> households;
    private final Repository<Decision> decisions;

    public HouseholdBulkHandler(Repository<Household> households, Repository<Decision> decisions) {
        this.households = households;
        this.decisions = decisions;
    }

    @CommandHandler
    public void handle(RegisterHouseholdsCommand command) throws Exception {
        for (RegisterHouseholdCommand household : command.households()) {
            households.newInstance(() -> new Household(household));
        }
    }

    @CommandHandler
    public void handle(DecideInBulkCommand command) throws Exception {
        for (var decision : command.decisions()) {
            households.load(decision.householdId().toString()).handle(GenericCommandMessage.asCommandMessage(decision));
        }
        for (var payment : command.payments()) {
            decisions.load(payment.decisionId().toString(), payment.expectedVersion()).handle(GenericCommandMessage.asCommandMessage(payment));
        }
    }
}
