package se.benefitledger.core.payout;

import java.util.UUID;

/** One line of the bank's answer, as finance staff enter it. */
public record SettlementInstruction(UUID paymentId, SettlementOutcome outcome, String reason) {
}
