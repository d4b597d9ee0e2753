package se.benefitledger.projections.recovery;

import se.benefitledger.core.recovery.ClaimLinks;
import se.benefitledger.core.recovery.ClaimStatus;
import se.benefitledger.core.recovery.ClaimedPayment;
import se.benefitledger.core.recovery.LawRegime;
import se.benefitledger.core.recovery.RecoveryGround;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record RecoveryClaimView(UUID claimId,
                                UUID householdId,
                                MunicipalityCode municipality,
                                List<ClaimedPayment> payments,
                                Money principal,
                                Money repaid,
                                Money waived,
                                Money writtenOff,
                                Money refundDue,
                                ClaimStatus status,
                                RecoveryGround ground,
                                LawRegime lawRegime,
                                LocalDate decidedOn,
                                LocalDate firstActionDeadline,
                                long version) {

    /** principal − repaid − waived − written off */
    public Money outstanding() {
        return principal.minus(repaid).minus(waived).minus(writtenOff);
    }

    /** The earliest deadline of a linked payment with money still outstanding; null when nothing is. */
    public LocalDate actionDeadline() {
        return ClaimLinks.actionDeadline(payments, principal, outstanding()).orElse(null);
    }
}
