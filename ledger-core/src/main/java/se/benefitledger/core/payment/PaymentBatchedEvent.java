package se.benefitledger.core.payment;

import org.axonframework.serialization.Revision;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.LocalDate;
import java.util.UUID;

/** The payment went into a payout batch; from now on only the bank's answer changes it. */
@Revision("1")
public record PaymentBatchedEvent(UUID paymentId, UUID batchId, MunicipalityCode municipality, LocalDate payoutDate) {
}
