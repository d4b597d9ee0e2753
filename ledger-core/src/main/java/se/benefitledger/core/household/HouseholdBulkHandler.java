package se.benefitledger.core.household;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.Repository;
import se.benefitledger.core.decision.Decision;
import se.benefitledger.core.payment.Payment;

/**
 * Bulk commands for loading history: each part is handled by the aggregate's own command handler
 * (registration by the household's constructor, a decision by its household, a payment as
 * {@link PaymentSchedulingHandler} schedules one), all in the bulk command's unit of work, so
 * that their events are appended together, in JDBC batches.
 */
public class HouseholdBulkHandler {

    private final Repository<Household> households;
    private final PaymentSchedulingHandler payments;

    public HouseholdBulkHandler(Repository<Household> households, Repository<Decision> decisions, Repository<Payment> payments) {
        this.households = households;
        this.payments = new PaymentSchedulingHandler(households, decisions, payments);
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
            payments.handle(payment);
        }
    }
}
