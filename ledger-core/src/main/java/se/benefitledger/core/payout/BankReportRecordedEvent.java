package se.benefitledger.core.payout;

import org.axonframework.serialization.Revision;
import se.benefitledger.core.shared.MunicipalityCode;

import java.util.List;
import java.util.UUID;

/** The bank's message {@code messageId} about the batch was read; the same message is never applied twice. */
@Revision("1")
public record BankReportRecordedEvent(UUID batchId,
                                      MunicipalityCode municipality,
                                      String messageId,
                                      int applied,
                                      List<BankReportIssue> unmatched,
                                      List<BankReportIssue> conflicts) {

    public BankReportRecordedEvent {
        unmatched = List.copyOf(unmatched);
        conflicts = List.copyOf(conflicts);
    }
}
