package se.benefitledger.api.payout;

import se.benefitledger.core.payout.BankReportIssue;

import java.util.List;

/** What a bank report did: transactions applied, and those not applied; {@code alreadyApplied} when the message was read before. */
public record BankReportResult(String messageId, int applied, List<BankReportIssue> unmatched, List<BankReportIssue> conflicts,
                               boolean alreadyApplied) {
}
