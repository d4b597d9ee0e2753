package se.benefitledger.core.payment;

import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.Money;

import java.time.LocalDate;
import java.util.UUID;

/** The part of one payment's erroneous amount a recovery claim takes, with what the claim needs to know of the payment. */
public record ClaimedPortion(UUID paymentId, UUID decisionId, Money amount, BenefitMonth benefitMonth, LocalDate executedOn) {
}
