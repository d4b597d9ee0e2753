package se.benefitledger.projections.balances;

import se.benefitledger.core.recovery.ClaimStatus;
import se.benefitledger.core.recovery.LawRegime;
import se.benefitledger.core.recovery.RecoveryGround;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Recovery balances as of {@code asOf} (null: everything recorded): totals over every matching
 * claim, and one page of them. {@code actionDeadline} is the earliest deadline of a linked payment
 * with money still outstanding that day.
 */
public record RecoveryBalancesReport(MunicipalityCode municipality, LocalDate asOf, Totals totals, List<Claim> items, int page, int size,
                                     long total) {

    public record Totals(long claims, Money principal, Money repaid, Money waived, Money writtenOff, Money outstanding, Money refundDue) {
    }

    public record Claim(UUID claimId, UUID householdId, Money principal, Money repaid, Money waived, Money writtenOff, Money outstanding,
                        Money refundDue, ClaimStatus status, RecoveryGround ground, LawRegime lawRegime, LocalDate decidedOn,
                        LocalDate actionDeadline, int ageMonths, String agingBucket) {
    }
}
