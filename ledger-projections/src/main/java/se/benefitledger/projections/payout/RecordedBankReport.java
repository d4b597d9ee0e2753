package se.benefitledger.projections.payout;

import se.benefitledger.core.payout.BankReportIssue;

import java.util.List;

/** A bank message applied to a payout batch, as it was applied. */
public record RecordedBankReport(String messageId, int applied, List<BankReportIssue> unmatched, List<BankReportIssue> conflicts) {
}
