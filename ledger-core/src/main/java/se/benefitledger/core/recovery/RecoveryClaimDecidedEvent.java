package se.benefitledger.core.recovery;

import org.axonframework.serialization.Revision;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The municipality decided to recover {@code principal} (återkrav). Each linked payment has its
 * own regime and deadline; {@code lawRegime} is theirs (MIXED when they differ) and
 * {@code actionDeadline} the earliest of them.
 */
@Revision("1")
public record RecoveryClaimDecidedEvent(UUID claimId,
                                        UUID householdId,
                                        MunicipalityCode municipality,
                                        List<ClaimedPayment> payments,
                                        Money principal,
                                        RecoveryGround ground,
                                        LocalDate decidedOn,
                                        LawRegime lawRegime,
                                        LocalDate actionDeadline) {

    public RecoveryClaimDecidedEvent {
        payments = List.copyOf(payments);
    }
}
