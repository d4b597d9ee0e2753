package se.benefitledger.core.payout;

import org.axonframework.serialization.Revision;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.LocalDate;
import java.util.UUID;

/** Every payment of the batch has the bank's answer. */
@Revision("1")
public record PayoutBatchSettledEvent(UUID batchId, MunicipalityCode municipality, LocalDate settledOn) {
}
