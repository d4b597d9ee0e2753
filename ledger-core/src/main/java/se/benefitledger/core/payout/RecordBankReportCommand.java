package se.benefitledger.core.payout;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.UUID;

/**
 * Records that the bank's message {@code messageId} about the batch was read: how many of its
 * transactions changed the ledger (through settlement and return commands of their own), and
 * those that did not.
 */
public record RecordBankReportCommand(@TargetAggregateIdentifier UUID batchId,
                                      String messageId,
                                      int applied,
                                      List<BankReportIssue> unmatched,
                                      List<BankReportIssue> conflicts) {

    public RecordBankReportCommand {
        unmatched = List.copyOf(unmatched);
        conflicts = List.copyOf(conflicts);
    }
}
