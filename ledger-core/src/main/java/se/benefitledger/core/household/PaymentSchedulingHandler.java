package se.benefitledger.core.household;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import se.benefitledger.core.decision.Decision;
import se.benefitledger.core.decision.SchedulePaymentCommand;
import se.benefitledger.core.payment.Payment;
import se.benefitledger.core.payment.ReissuePaymentCommand;

import java.util.UUID;

/**
 * A payment is scheduled through its decision, which reserves the amount, and only while the
 * decision's household is ACTIVE: a CLOSED household receives no more payments. Decision,
 * household and the new payment change in one unit of work. A RETURNED or REJECTED payment is
 * reissued the same way.
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

    /** A reissue is a new payment of the original's decision, under the same rules: its amount must fit again. */
    @CommandHandler
    public UUID handle(ReissuePaymentCommand command) throws Exception {
        Payment.Reissue original = payments.load(command.paymentId().toString(), command.expectedVersion())
                                           .invoke(payment -> payment.reissue(command.newPaymentId()));
        Aggregate<Decision> decision = decisions.load(original.decisionId().toString());
        households.load(original.householdId().toString()).execute(household -> household.requireActive("receive a payment"));
        decision.execute(it -> it.reserve(command.newPaymentId(), original.amount()));
        payments.newInstance(() -> command.payeeId() == null
                ? original.newPayment(command.newPaymentId(), command.dueDate(), original.payeeType(), original.payeeId())
                : original.newPayment(command.newPaymentId(), command.dueDate(), command.payeeType(), command.payeeId()));
        return command.newPaymentId();
    }
}
