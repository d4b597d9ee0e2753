package se.benefitledger.core.payout;

import org.axonframework.serialization.Revision;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Revision("1")
public record PayoutBatchSettlementRecordedEvent(UUID batchId,
                                                 MunicipalityCode municipality,
                                                 LocalDate settledOn,
                                                 List<SettledPayment> results) {

    public PayoutBatchSettlementRecordedEvent {
        results = List.copyOf(results);
    }
}
