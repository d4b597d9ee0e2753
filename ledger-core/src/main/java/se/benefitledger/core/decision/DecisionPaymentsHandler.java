package se.benefitledger.core.decision;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import se.benefitledger.core.payment.CancelPaymentCommand;
import se.benefitledger.core.payment.ReturnPaymentCommand;
import se.benefitledger.core.payment.ReturnPaymentsCommand;
import se.benefitledger.core.payment.Payment;
import se.benefitledger.core.payment.PaymentStatus;
import se.benefitledger.core.shared.StateConflict;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Commands that change a decision and its payments together, in one unit of work: cancelling a
 * payment or its return releases its reservation; revoking a decision cancels its SCHEDULED
 * payments.
 */
public class DecisionPaymentsHandler {

    private final Repository<Decision> decisions;
    private final Repository<Payment> payments;

    public DecisionPaymentsHandler(Repository<Decision> decisions, Repository<Payment> payments) {
        this.decisions = decisions;
        this.payments = payments;
    }

    @CommandHandler
    public void handle(CancelPaymentCommand command) {
        Aggregate<Payment> payment = payments.load(command.paymentId().toString(), command.expectedVersion());
        payment.execute(it -> it.cancel(command.reason()));
        UUID decisionId = payment.invoke(Payment::decisionId);
        decisions.load(decisionId.toString()).execute(decision -> decision.release(command.paymentId(), ReleaseReason.CANCELLED));
    }

    /** A return gives the amount back to the decision: the payment may then be reissued. */
    @CommandHandler
    public void handle(ReturnPaymentCommand command) {
        Aggregate<Payment> payment = payments.load(command.paymentId().toString(), command.expectedVersion());
        payment.execute(it -> it.returned(command));
        UUID decisionId = payment.invoke(Payment::decisionId);
        decisions.load(decisionId.toString()).execute(decision -> decision.release(command.paymentId(), ReleaseReason.RETURNED));
    }

    /** All or none: a payment whose state refuses its return refuses the other returns with it. */
    @CommandHandler
    public void handle(ReturnPaymentsCommand command) {
        command.returns().forEach(this::handle);
    }

    @CommandHandler
    public void handle(RevokeDecisionCommand command) {
        Aggregate<Decision> decision = decisions.load(command.decisionId().toString(), command.expectedVersion());
        Map<UUID, Aggregate<Payment>> reserved = decision.invoke(Decision::reservedPayments).stream()
                .collect(Collectors.toMap(id -> id, id -> payments.load(id.toString()), (first, same) -> first, LinkedHashMap::new));
        List<UUID> paidOut = reserved.entrySet().stream()
                .filter(entry -> List.of(PaymentStatus.BATCHED, PaymentStatus.EXECUTED).contains(entry.getValue().invoke(Payment::status)))
                .map(Map.Entry::getKey)
                .toList();
        if (!paidOut.isEmpty()) {
            throw new StateConflict("decision " + command.decisionId() + " cannot be revoked while payments are BATCHED or EXECUTED: "
                    + paidOut);
        }
        decision.execute(it -> it.revoke(command.reason()));
        reserved.forEach((paymentId, payment) -> {
            if (payment.invoke(Payment::status) == PaymentStatus.SCHEDULED) {
                payment.execute(it -> it.cancel("decision revoked: " + command.reason()));
                decision.execute(it -> it.release(paymentId, ReleaseReason.CANCELLED));
            }
        });
    }
}
