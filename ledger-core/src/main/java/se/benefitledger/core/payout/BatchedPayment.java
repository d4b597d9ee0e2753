package se.benefitledger.core.payout;

import se.benefitledger.core.shared.Money;

import java.util.UUID;

public record BatchedPayment(UUID paymentId, Money amount) {
}
