package se.benefitledger.core.payout;

import se.benefitledger.core.shared.Money;

import java.util.UUID;

/**
 * A transaction of a bank report that the ledger did not apply: unmatched (no payment of the batch
 * has its EndToEndId; {@code paymentId} is null) or conflicting (the payment's state or amount
 * disagrees with the bank's). {@code bankState} is EXECUTED, REJECTED or RETURNED, {@code ledgerState}
 * the payment's status when matched.
 */
public record BankReportIssue(String endToEndId, UUID paymentId, String bankState, Money bankAmount, String ledgerState, String detail) {
}
