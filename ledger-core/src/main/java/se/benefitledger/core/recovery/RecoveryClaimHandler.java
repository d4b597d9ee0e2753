package se.benefitledger.core.recovery;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import se.benefitledger.core.decision.Decision;
import se.benefitledger.core.household.Household;
import se.benefitledger.core.payment.ClaimedPortion;
import se.benefitledger.core.payment.Payment;
import se.benefitledger.core.shared.BusinessRuleViolation;
import se.benefitledger.core.shared.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.UUID;

/**
 * A claim takes its principal out of the linked payments' unclaimed erroneous amounts, each
 * payment recording what was taken, in the same unit of work: two claims deciding at once cannot
 * both take the same amount. Each payment's law regime follows the day its decision was made.
 */
public class RecoveryClaimHandler {

    private final Repository<RecoveryClaim> claims;
    private final Repository<Payment> payments;
    private final Repository<Household> households;
    private final Repository<Decision> decisions;

    public RecoveryClaimHandler(Repository<RecoveryClaim> claims, Repository<Payment> payments, Repository<Household> households,
                                Repository<Decision> decisions) {
        this.claims = claims;
        this.payments = payments;
        this.households = households;
        this.decisions = decisions;
    }

    @CommandHandler
    public UUID handle(CreateRecoveryClaimCommand command) throws Exception {
        if (!command.principal().isPositive()) {
            throw new BusinessRuleViolation("a claim's principal must be more than 0.00");
        }
        if (new LinkedHashSet<>(command.paymentIds()).size() != command.paymentIds().size() || command.paymentIds().isEmpty()) {
            throw new BusinessRuleViolation("a claim links one or more payments, each once");
        }
        var municipality = households.load(command.householdId().toString()).invoke(Household::municipality);
        var taken = new ArrayList<ClaimedPayment>();
        Money remaining = command.principal();
        for (UUID paymentId : command.paymentIds()) {
            final Money wanted = remaining;
            ClaimedPortion portion = payments.load(paymentId.toString())
                                             .invoke(payment -> payment.claimErroneousAmount(command.claimId(), command.householdId(), wanted));
            LocalDate decidedOn = decisions.load(portion.decisionId().toString()).invoke(Decision::decidedOn);
            taken.add(new ClaimedPayment(paymentId, portion.amount(), portion.benefitMonth(), portion.executedOn(), LawRegime.ofDecision(decidedOn),
                    ClaimedPayment.deadlineFor(portion.executedOn())));
            remaining = remaining.minus(portion.amount());
        }
        if (remaining.isPositive()) {
            Money available = command.principal().minus(remaining);
            throw new BusinessRuleViolation("a claim's principal may not exceed the unclaimed erroneous amounts of its payments: principal "
                    + command.principal() + ", unclaimed erroneous " + available);
        }
        claims.newInstance(() -> new RecoveryClaim(command, municipality, taken));
        return command.claimId();
    }
}
