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

/**
 * A claim. Each linked payment has its own law regime (by its decision's {@code decidedOn}) and
 * deadline to take it to court (three years after it was paid); {@code lawRegime} is theirs, or
 * MIXED, and {@code actionDeadline} the earliest deadline of a payment with money still
 * outstanding (null when nothing is). {@code refundDue}: what the debtor paid above the claim.
 */
public record RecoveryClaimResponse(UUID claimId,
                                    UUID householdId,
                                    MunicipalityCode municipality,
                                    Money principal,
                                    Money repaid,
                                    Money waived,
                                    Money writtenOff,
                                    Money outstanding,
                                    Money refundDue,
                                    ClaimStatus status,
                                    LawRegime lawRegime,
                                    RecoveryGround ground,
                                    LocalDate decidedOn,
                                    LocalDate actionDeadline,
                                    List<Link> links,
                                    long version) {

    public record Link(UUID paymentId, Money amount, LawRegime lawRegime, LocalDate actionDeadline) {
    }

    public static RecoveryClaimResponse of(RecoveryClaimView view) {
        return new RecoveryClaimResponse(view.claimId(), view.householdId(), view.municipality(), view.principal(), view.repaid(),
                view.waived(), view.writtenOff(), view.outstanding(), view.refundDue(), view.status(), view.lawRegime(), view.ground(),
                view.decidedOn(), view.actionDeadline(),
                view.payments().stream().map(link -> new Link(link.paymentId(), link.amount(), link.lawRegime(), link.actionDeadline())).toList(),
                view.version());
    }
}
