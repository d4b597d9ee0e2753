package se.benefitledger.api.recovery;

import se.benefitledger.core.recovery.ClaimStatus;
import se.benefitledger.core.recovery.LawRegime;
import se.benefitledger.core.recovery.RecoveryGround;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.projections.recovery.RecoveryClaimView;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@code actionDeadline}: the last day to take the claim to court, three years after the earliest linked payment was paid. */
public record RecoveryClaimResponse(UUID claimId,
                                    UUID householdId,
                                    MunicipalityCode municipality,
                                    Money principal,
                                    Money repaid,
                                    Money waived,
                                    Money writtenOff,
                                    Money outstanding,
                                    ClaimStatus status,
                                    LawRegime lawRegime,
                                    RecoveryGround ground,
                                    LocalDate decidedOn,
                                    LocalDate actionDeadline,
                                    List<LinkedPayment> payments,
                                    long version) {

    public record LinkedPayment(UUID paymentId, Money amount) {
    }

    public static RecoveryClaimResponse of(RecoveryClaimView view) {
        return new RecoveryClaimResponse(view.claimId(), view.householdId(), view.municipality(), view.principal(), view.repaid(),
                view.waived(), view.writtenOff(), view.outstanding(), view.status(), view.lawRegime(), view.ground(), view.decidedOn(),
                view.actionDeadline(), view.payments().stream().map(payment -> new LinkedPayment(payment.paymentId(), payment.amount())).toList(),
                view.version());
    }
}
