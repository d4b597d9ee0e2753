package se.benefitledger.core.decision;

import se.benefitledger.core.shared.LegalBasis;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import se.benefitledger.core.payment.Payment;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.BusinessRuleViolation;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.core.shared.StateConflict;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A decision on a household's assistance for one benefit month. It guards the invariant
 * Σ payments neither cancelled, rejected nor returned ≤ approved amount: every payment is scheduled through
 * the decision, which reserves its amount, and cancellations, bank rejections and returns release it.
 */
@Revision("1")
public class Decision {

    @AggregateIdentifier
    private UUID decisionId;
    private UUID householdId;
    private MunicipalityCode municipality;
    private BenefitMonth benefitMonth;
    private LegalBasis legalBasis;
    private Money approvedAmount;
    private LocalDate decidedOn;
    private DecisionStatus status;
    private final Map<UUID, Money> reservations = new LinkedHashMap<>();

    protected Decision() {
        // for Axon
    }

    /** Called by the household through {@code AggregateLifecycle.createNew}, after it checked that it is ACTIVE. */
    public Decision(MakeDecisionCommand command, MunicipalityCode municipality) {
        apply(new DecisionMadeEvent(command.decisionId(), command.householdId(), municipality, command.benefitMonth(), command.outcome(),
                command.legalBasis(), command.lines(), command.incomes(), approvedAmount(command), command.decidedOn()));
    }

    /** max(0, Σ lines − Σ incomes), and nothing for a rejected application. */
    static Money approvedAmount(MakeDecisionCommand command) {
        if (command.outcome() == DecisionOutcome.REJECTED) {
            return Money.ZERO;
        }
        Money costs = command.lines().stream().map(DecisionLine::amount).reduce(Money.ZERO, Money::plus);
        Money incomes = command.incomes().stream().map(IncomeLine::amount).reduce(Money.ZERO, Money::plus);
        return costs.minusAtMostToZero(incomes);
    }

    /**
     * Reserves the payment's amount and answers how to create the payment; its household, which
     * must be ACTIVE, checked that first (see {@code PaymentSchedulingHandler}).
     */
    public Callable<Payment> schedulePayment(SchedulePaymentCommand command) {
        reserve(command.paymentId(), command.amount());
        return () -> new Payment(command.paymentId(), decisionId, householdId, municipality, benefitMonth, legalBasis,
                command.amount(), command.dueDate(), command.payeeType(), command.payeeId(), null);
    }

    public UUID householdId() {
        return householdId;
    }

    /** Reserves part of the approved amount for a new payment (also a reissue, whose original's reservation was released). */
    public void reserve(UUID paymentId, Money amount) {
        requireActive("schedule payments");
        if (!amount.isPositive()) {
            throw new BusinessRuleViolation("a payment must be for more than 0.00");
        }
        Money committed = committedAmount().plus(amount);
        if (committed.isGreaterThan(approvedAmount)) {
            throw new BusinessRuleViolation("payments of decision " + decisionId + " may not exceed its approved amount " + approvedAmount
                    + ": " + committedAmount() + " is committed, " + amount + " more would make " + committed);
        }
        apply(new DecisionAmountReservedEvent(decisionId, paymentId, amount));
    }

    /** Gives a cancelled, rejected or returned payment's amount back. */
    public void release(UUID paymentId, ReleaseReason reason) {
        Money reserved = reservations.get(paymentId);
        if (reserved == null) {
            throw new StateConflict("decision " + decisionId + " holds no reservation for payment " + paymentId);
        }
        apply(new DecisionReservationReleasedEvent(decisionId, paymentId, reserved, reason));
    }

    public void revoke(String reason) {
        requireActive("be revoked");
        apply(new DecisionRevokedEvent(decisionId, householdId, reason));
    }

    /** The day the decision was made: it decides which law governs recovering its payments. */
    public LocalDate decidedOn() {
        return decidedOn;
    }

    /** Payments that still take up part of the approved amount. */
    public List<UUID> reservedPayments() {
        return List.copyOf(reservations.keySet());
    }

    private Money committedAmount() {
        return reservations.values().stream().reduce(Money.ZERO, Money::plus);
    }

    private void requireActive(String action) {
        if (status != DecisionStatus.ACTIVE) {
            throw new StateConflict("decision " + decisionId + " is " + status + "; only an ACTIVE decision can " + action);
        }
    }

    @EventSourcingHandler
    void on(DecisionMadeEvent event) {
        decisionId = event.decisionId();
        householdId = event.householdId();
        municipality = event.municipality();
        benefitMonth = event.benefitMonth();
        legalBasis = event.legalBasis();
        approvedAmount = event.approvedAmount();
        decidedOn = event.decidedOn();
        status = DecisionStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(DecisionAmountReservedEvent event) {
        reservations.put(event.paymentId(), event.amount());
    }

    @EventSourcingHandler
    void on(DecisionReservationReleasedEvent event) {
        reservations.remove(event.paymentId());
    }

    @EventSourcingHandler
    void on(DecisionRevokedEvent event) {
        status = DecisionStatus.REVOKED;
    }
}
