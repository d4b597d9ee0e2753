package se.benefitledger.core.recovery;

import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.Money;

import java.time.LocalDate;
import java.util.UUID;

/** A linked payment and the part of its erroneous amount the claim recovers. */
public record ClaimedPayment(UUID paymentId, Money amount, BenefitMonth benefitMonth, LocalDate executedOn) {
}
