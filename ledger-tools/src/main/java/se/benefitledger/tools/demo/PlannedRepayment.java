package se.benefitledger.tools.demo;

import se.benefitledger.core.shared.Money;

import java.time.LocalDate;
import java.util.UUID;

/** A repayment received on a recovery claim. */
public record PlannedRepayment(UUID claimId, Money amount, LocalDate receivedOn) {
}
