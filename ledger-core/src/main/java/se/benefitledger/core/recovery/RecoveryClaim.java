package se.benefitledger.core.recovery;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.BusinessRuleViolation;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A recovery claim (återkrav) against a household: its principal is reduced by repayments,
 * waivers and write-offs, never below zero; at zero the claim closes.
 */
public class RecoveryClaim {

    /** Assistance for months from July 2025 falls under SoL (2025:400); earlier months under the repealed SoL (2001:453). */
    static final BenefitMonth NEW_LAW_FROM = BenefitMonth.of(2025, 7);
    static final int ACTION_PERIOD_YEARS = 3;

    @AggregateIdentifier
    private UUID claimId;
    private UUID householdId;
    private MunicipalityCode municipality;
    private Money outstanding;

    protected RecoveryClaim() {
        // for Axon
    }

    /** Called by {@link RecoveryClaimHandler} once the payments have given up the claimed amounts. */
    public RecoveryClaim(CreateRecoveryClaimCommand command, MunicipalityCode municipality, List<ClaimedPayment> payments) {
        var linked = payments.stream().filter(payment -> payment.amount().isPositive()).toList();
        LawRegime regime = linked.stream().allMatch(payment -> payment.benefitMonth().isBefore(NEW_LAW_FROM)) ? LawRegime.SOL_2001 : LawRegime.SOL_2025;
        LocalDate earliestPaid = linked.stream().map(ClaimedPayment::executedOn).min(Comparator.naturalOrder()).orElseThrow();
        apply(new RecoveryClaimDecidedEvent(command.claimId(), command.householdId(), municipality, linked, command.principal(),
                command.ground(), command.decidedOn(), regime, earliestPaid.plusYears(ACTION_PERIOD_YEARS)));
    }

    @CommandHandler
    public void handle(RecordRepaymentCommand command) {
        Money after = reduce(command.amount(), "repayment");
        apply(new RepaymentReceivedEvent(claimId, householdId, municipality, command.amount(), command.receivedOn(), after));
        closeAtZero(after);
    }

    @CommandHandler
    public void handle(WaiveClaimCommand command) {
        Money after = reduce(command.amount(), "waiver");
        apply(new ClaimWaivedEvent(claimId, householdId, municipality, command.amount(), command.reason(), after));
        closeAtZero(after);
    }

    @CommandHandler
    public void handle(WriteOffClaimCommand command) {
        Money after = reduce(command.amount(), "write-off");
        apply(new ClaimWrittenOffEvent(claimId, householdId, municipality, command.amount(), command.reason(), after));
        closeAtZero(after);
    }

    private Money reduce(Money amount, String what) {
        if (!amount.isPositive()) {
            throw new BusinessRuleViolation("a " + what + " must be more than 0.00");
        }
        if (amount.isGreaterThan(outstanding)) {
            throw new BusinessRuleViolation("a " + what + " of " + amount + " is more than the " + outstanding + " outstanding on claim " + claimId);
        }
        return outstanding.minus(amount);
    }

    private void closeAtZero(Money after) {
        if (after.isZero()) {
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
    }

    @EventSourcingHandler
    void on(ClaimWaivedEvent event) {
        outstanding = event.outstanding();
    }

    @EventSourcingHandler
    void on(ClaimWrittenOffEvent event) {
        outstanding = event.outstanding();
    }
}
