package se.benefitledger.core.recovery;

import org.axonframework.serialization.Revision;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The municipality decided to recover {@code principal} (återkrav). {@code actionDeadline} is the
 * last day to take the claim to court: three years after the earliest of the linked payments was
 * paid (SoL 2025:400 33 kap. 5 §; old SoL 9 kap. 3 §).
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
