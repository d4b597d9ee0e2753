package se.benefitledger.core.recovery;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import se.benefitledger.core.shared.BusinessRuleViolation;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A recovery claim (återkrav) against a household: its principal is reduced by repayments,
 * waivers and write-offs, never below zero. Money that arrives is always recorded: a repayment
 * first reduces what was written off, then what is outstanding; anything above that is due back
 * to the debtor as a refund.
 */
@Revision("1")
public class RecoveryClaim {

    @AggregateIdentifier
    private UUID claimId;
    private UUID householdId;
    private MunicipalityCode municipality;
    private Money outstanding;
    private Money writtenOff = Money.ZERO;
    private Money refundDue = Money.ZERO;

    protected RecoveryClaim() {
        // for Axon
    }

    /** Called by {@link RecoveryClaimHandler} once the payments have given up the claimed amounts. */
    public RecoveryClaim(CreateRecoveryClaimCommand command, MunicipalityCode municipality, List<ClaimedPayment> payments) {
        var linked = payments.stream().filter(payment -> payment.amount().isPositive()).toList();
        var earliestDeadline = linked.stream().map(ClaimedPayment::actionDeadline).min(Comparator.naturalOrder()).orElseThrow();
        apply(new RecoveryClaimDecidedEvent(command.claimId(), command.householdId(), municipality, linked, command.principal(),
                command.ground(), command.decidedOn(), ClaimLinks.lawRegime(linked), earliestDeadline));
    }

    @CommandHandler
    public void handle(RecordRepaymentCommand command) {
        requirePositive(command.amount(), "repayment");
        Money fromWrittenOff = command.amount().min(writtenOff);
        Money rest = command.amount().minus(fromWrittenOff);
        Money reducing = rest.min(outstanding);
        Money after = outstanding.minus(reducing);
        apply(new RepaymentReceivedEvent(claimId, householdId, municipality, command.amount(), command.receivedOn(), after, fromWrittenOff,
                rest.minus(reducing)));
        closeAtZero(reducing, after);
    }

    @CommandHandler
    public void handle(WaiveClaimCommand command) {
        Money after = reduce(command.amount(), "waiver");
        apply(new ClaimWaivedEvent(claimId, householdId, municipality, command.amount(), command.reason(), after, command.decidedOn()));
        closeAtZero(command.amount(), after);
    }

    @CommandHandler
    public void handle(WriteOffClaimCommand command) {
        Money after = reduce(command.amount(), "write-off");
        apply(new ClaimWrittenOffEvent(claimId, householdId, municipality, command.amount(), command.reason(), after, command.decidedOn()));
        closeAtZero(command.amount(), after);
    }

    @CommandHandler
    public void handle(PayRefundCommand command) {
        requirePositive(command.amount(), "refund");
        if (command.amount().isGreaterThan(refundDue)) {
            throw new BusinessRuleViolation("a refund of " + command.amount() + " is more than the " + refundDue + " refund due on claim "
                    + claimId);
        }
        apply(new RefundPaidEvent(claimId, householdId, municipality, command.amount(), command.paidOn(), refundDue.minus(command.amount())));
    }

    private Money reduce(Money amount, String what) {
        requirePositive(amount, what);
        if (amount.isGreaterThan(outstanding)) {
            throw new BusinessRuleViolation("a " + what + " of " + amount + " is more than the " + outstanding + " outstanding on claim " + claimId);
        }
        return outstanding.minus(amount);
    }

    private static void requirePositive(Money amount, String what) {
        if (!amount.isPositive()) {
            throw new BusinessRuleViolation("a " + what + " must be more than 0.00");
        }
    }

    /** Closes the claim when this reduction took the last of what was outstanding. */
    private void closeAtZero(Money reduced, Money after) {
        if (reduced.isPositive() && after.isZero()) {
            apply(new RecoveryClaimClosedEvent(claimId, householdId, municipality));
        }
    }

    @EventSourcingHandler
    void on(RecoveryClaimDecidedEvent event) {
        claimId = event.claimId();
        householdId = event.householdId();
        municipality = event.municipality();
        outstanding = event.principal();
    }

    @EventSourcingHandler
    void on(RepaymentReceivedEvent event) {
        outstanding = event.outstanding();
        writtenOff = writtenOff.minus(event.fromWrittenOff());
        refundDue = refundDue.plus(event.excess());
    }

    @EventSourcingHandler
    void on(ClaimWaivedEvent event) {
        outstanding = event.outstanding();
    }

    @EventSourcingHandler
    void on(ClaimWrittenOffEvent event) {
        outstanding = event.outstanding();
        writtenOff = writtenOff.plus(event.amount());
    }

    @EventSourcingHandler
    void on(RefundPaidEvent event) {
        refundDue = event.refundDue();
    }
}
