package se.benefitledger.core.household;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import se.benefitledger.core.decision.Decision;
import se.benefitledger.core.decision.SchedulePaymentCommand;
import se.benefitledger.core.payment.Payment;

import java.util.UUID;

/**
 * A payment is scheduled through its decision, which reserves the amount, and only while the
 * decision's household is ACTIVE: a CLOSED household receives no more payments. Decision,
 * household and the new payment change in one unit of work.
 */
public class PaymentSchedulingHandler {

    private final Repository<Household> households;
    private final Repository<Decision> decisions;
    private final Repository<Payment> payments;

    public PaymentSchedulingHandler(Repository<Household> households, Repository<Decision> decisions, Repository<Payment> payments) {
        this.households = households;
        this.decisions = decisions;
        this.payments = payments;
    }

    @CommandHandler
    public UUID handle(SchedulePaymentCommand command) throws Exception {
        Aggregate<Decision> decision = decisions.load(command.decisionId().toString(), command.expectedVersion());
        households.load(decision.invoke(Decision::householdId).toString()).execute(household -> household.requireActive("receive a payment"));
        payments.newInstance(decision.invoke(it -> it.schedulePayment(command)));
        return command.paymentId();
    }
}
