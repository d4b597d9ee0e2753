package se.benefitledger.core.payout;

import se.benefitledger.core.shared.Money;

import java.util.UUID;

public record SettledPayment(UUID paymentId, SettlementOutcome outcome, Money amount, String reason) {
}
