package se.benefitledger.core.recovery;

import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.Money;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A linked payment, the part of its erroneous amount the claim recovers, the law that governs
 * recovering it and the last day to take it to court: three years after it was paid, when the
 * municipality's cost arose (SoL 2025:400 33 kap. 5 §; old SoL 9 kap. 3 §).
 *
 * <p>Claims decided before the regime and deadline were kept per payment read with the rules the
 * ledger applied then: the regime of the benefit month, and three years after the payment.
 */
public record ClaimedPayment(UUID paymentId, Money amount, BenefitMonth benefitMonth, LocalDate executedOn, LawRegime lawRegime,
                             LocalDate actionDeadline) {

    static final int ACTION_PERIOD_YEARS = 3;

    public ClaimedPayment {
        if (lawRegime == null) {
            lawRegime = LawRegime.ofDecision(benefitMonth.value().atDay(1));
        }
        if (actionDeadline == null) {
            actionDeadline = deadlineFor(executedOn);
        }
    }

    static LocalDate deadlineFor(LocalDate executedOn) {
        return executedOn.plusYears(ACTION_PERIOD_YEARS);
    }
}
