package se.benefitledger.core.payment;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import se.benefitledger.core.shared.LegalBasis;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.BusinessRuleViolation;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.core.shared.StateConflict;

import java.time.LocalDate;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One payout instruction. Created by its decision (which reserves the amount); batched, settled
 * and sometimes returned. Steps that change other aggregates in the same unit of work (cancelling
 * gives the amount back to the decision; batching and settlement involve the batch) are driven by
 * the handlers of those steps through the methods below.
 */
@Revision("1")
public class Payment {

    @AggregateIdentifier
    private UUID paymentId;
    private UUID decisionId;
    private UUID householdId;
    private MunicipalityCode municipality;
    private BenefitMonth benefitMonth;
    private LegalBasis legalBasis;
    private Money amount;
    private LocalDate dueDate;
    private PayeeType payeeType;
    private UUID payeeId;
    private PaymentStatus status;
    private UUID reissuedAs;
    private UUID batchId;
    private LocalDate executedOn;
    private Money erroneous = Money.ZERO;
    private Money claimed = Money.ZERO;

    protected Payment() {
        // for Axon
    }

    /** Called by {@code Decision} through {@code AggregateLifecycle.createNew}, after it reserved the amount. */
    public Payment(UUID paymentId, UUID decisionId, UUID householdId, MunicipalityCode municipality, BenefitMonth benefitMonth,
                   LegalBasis legalBasis, Money amount, LocalDate dueDate, PayeeType payeeType, UUID payeeId, UUID reissueOf) {
        apply(new PaymentScheduledEvent(paymentId, decisionId, householdId, municipality, benefitMonth, legalBasis, amount, dueDate,
                payeeType, payeeId, reissueOf));
    }

    /** Called by {@code DecisionPaymentsHandler}, which gives the amount back to the decision in the same unit of work. */
    public void returned(ReturnPaymentCommand command) {
        require(PaymentStatus.EXECUTED, "be returned");
        if (erroneous.isPositive()) {
            throw new StateConflict("payment " + paymentId + " has an erroneous finding of " + erroneous
                    + "; a payment found erroneous cannot be returned (recover it with a claim instead)");
        }
        if (command.returnedOn().isBefore(executedOn)) {
            throw new BusinessRuleViolation("a payment cannot be returned before it was executed: payment " + paymentId
                    + " was executed on " + executedOn + ", return date " + command.returnedOn());
        }
        apply(new PaymentReturnedEvent(paymentId, batchId, householdId, municipality, benefitMonth, amount, executedOn,
                command.returnedOn(), command.reason()));
    }

    /**
     * Marks a RETURNED or REJECTED payment as paid again by {@code newPaymentId}, at most once;
     * answers what the new payment repeats.
     */
    public Reissue reissue(UUID newPaymentId) {
        if (status != PaymentStatus.RETURNED && status != PaymentStatus.REJECTED) {
            throw new StateConflict("payment " + paymentId + " is " + status + "; only a RETURNED or REJECTED payment can be reissued");
        }
        if (reissuedAs != null) {
            throw new StateConflict("payment " + paymentId + " was already reissued as payment " + reissuedAs);
        }
        apply(new PaymentReissuedEvent(paymentId, decisionId, newPaymentId));
        return new Reissue(paymentId, decisionId, householdId, municipality, benefitMonth, legalBasis, amount, payeeType, payeeId);
    }

    /** What a reissue repeats of the original payment. */
    public record Reissue(UUID originalId, UUID decisionId, UUID householdId, MunicipalityCode municipality, BenefitMonth benefitMonth,
                          LegalBasis legalBasis, Money amount, PayeeType payeeType, UUID payeeId) {

        /** The new payment, once the decision has reserved its amount. */
        public Payment newPayment(UUID newPaymentId, LocalDate dueDate, PayeeType newPayeeType, UUID newPayeeId) {
            return new Payment(newPaymentId, decisionId, householdId, municipality, benefitMonth, legalBasis, amount, dueDate, newPayeeType,
                    newPayeeId, originalId);
        }
    }

    /** Several findings may add up to at most the amount paid; none changes what was paid. */
    @CommandHandler
    public void handle(RecordErroneousPaymentCommand command) {
        require(PaymentStatus.EXECUTED, "be found erroneous");
        if (!command.amount().isPositive()) {
            throw new BusinessRuleViolation("an erroneous amount must be more than 0.00");
        }
        Money total = erroneous.plus(command.amount());
        if (total.isGreaterThan(amount)) {
            throw new BusinessRuleViolation("erroneous amounts of payment " + paymentId + " may not exceed its amount " + amount + ": "
                    + erroneous + " is already found erroneous, " + command.amount() + " more would make " + total);
        }
        apply(new PaymentFoundErroneousEvent(paymentId, householdId, municipality, benefitMonth, command.amount(), command.cause(),
                command.note(), total));
    }

    /**
     * Lets a recovery claim of the payment's household take up to {@code wanted} of the erroneous
     * amount no other claim has taken; answers what it took (possibly nothing).
     */
    public ClaimedPortion claimErroneousAmount(UUID claimId, UUID claimHouseholdId, Money wanted) {
        require(PaymentStatus.EXECUTED, "be claimed");
        if (!householdId.equals(claimHouseholdId)) {
            throw new BusinessRuleViolation("payment " + paymentId + " was paid to household " + householdId + ", not to household "
                    + claimHouseholdId + " of the claim");
        }
        Money taken = wanted.min(erroneous.minus(claimed));
        if (taken.isPositive()) {
            apply(new ErroneousAmountClaimedEvent(paymentId, claimId, taken));
        }
        return new ClaimedPortion(paymentId, decisionId, taken, benefitMonth, executedOn);
    }

    public void cancel(String reason) {
        require(PaymentStatus.SCHEDULED, "be cancelled");
        apply(new PaymentCancelledEvent(paymentId, decisionId, householdId, municipality, benefitMonth, amount, dueDate, reason));
    }

    /** Puts the payment into a batch of its municipality whose payout date is on or after the due date; answers the amount. */
    public Money assignToBatch(UUID batchId, MunicipalityCode batchMunicipality, LocalDate payoutDate) {
        require(PaymentStatus.SCHEDULED, "be batched");
        if (!municipality.equals(batchMunicipality)) {
            throw new StateConflict("payment " + paymentId + " belongs to municipality " + municipality + ", not " + batchMunicipality);
        }
        if (dueDate.isAfter(payoutDate)) {
            throw new StateConflict("payment " + paymentId + " is due on " + dueDate + ", after the payout date " + payoutDate);
        }
        apply(new PaymentBatchedEvent(paymentId, batchId, municipality, payoutDate));
        return amount;
    }

    public void execute(UUID settlingBatchId, LocalDate settledOn) {
        requireInBatch(settlingBatchId, "be executed");
        apply(new PaymentExecutedEvent(paymentId, batchId, householdId, municipality, benefitMonth, amount, settledOn));
    }

    public void reject(UUID settlingBatchId, String reason) {
        requireInBatch(settlingBatchId, "be rejected");
        apply(new PaymentRejectedEvent(paymentId, batchId, decisionId, householdId, municipality, benefitMonth, amount, dueDate, reason));
    }

    public UUID decisionId() {
        return decisionId;
    }

    public PaymentStatus status() {
        return status;
    }

    private void requireInBatch(UUID settlingBatchId, String action) {
        require(PaymentStatus.BATCHED, action);
        if (!batchId.equals(settlingBatchId)) {
            throw new StateConflict("payment " + paymentId + " is in batch " + batchId + ", not in batch " + settlingBatchId);
        }
    }

    private void require(PaymentStatus expected, String action) {
        if (status != expected) {
            throw new StateConflict("payment " + paymentId + " is " + status + "; it must be " + expected + " to " + action);
        }
    }

    @EventSourcingHandler
    void on(PaymentScheduledEvent event) {
        paymentId = event.paymentId();
        decisionId = event.decisionId();
        householdId = event.householdId();
        municipality = event.municipality();
        benefitMonth = event.benefitMonth();
        legalBasis = event.legalBasis();
        amount = event.amount();
        dueDate = event.dueDate();
        payeeType = event.payeeType();
        payeeId = event.payeeId();
        status = PaymentStatus.SCHEDULED;
    }

    @EventSourcingHandler
    void on(PaymentCancelledEvent event) {
        status = PaymentStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(PaymentBatchedEvent event) {
        status = PaymentStatus.BATCHED;
        batchId = event.batchId();
    }

    @EventSourcingHandler
    void on(PaymentExecutedEvent event) {
        status = PaymentStatus.EXECUTED;
        executedOn = event.executedOn();
    }

    @EventSourcingHandler
    void on(PaymentRejectedEvent event) {
        status = PaymentStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(PaymentReturnedEvent event) {
        status = PaymentStatus.RETURNED;
    }

    @EventSourcingHandler
    void on(PaymentReissuedEvent event) {
        reissuedAs = event.reissuedAs();
    }

    @EventSourcingHandler
    void on(PaymentFoundErroneousEvent event) {
        erroneous = event.totalErroneous();
    }

    @EventSourcingHandler
    void on(ErroneousAmountClaimedEvent event) {
        claimed = claimed.plus(event.amount());
    }
}
