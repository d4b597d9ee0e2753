package se.benefitledger.core.payout;

import org.axonframework.serialization.Revision;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Revision("1")
public record PayoutBatchCreatedEvent(UUID batchId,
                                      MunicipalityCode municipality,
                                      LocalDate payoutDate,
                                      List<BatchedPayment> payments,
                                      Money controlTotal) {

    public PayoutBatchCreatedEvent {
        payments = List.copyOf(payments);
    }
}
