package se.benefitledger.tools.demo;

import se.benefitledger.core.payment.ErroneousPaymentCause;
import se.benefitledger.core.recovery.RecoveryGround;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Erroneous findings on executed payments of one household and the recovery claim decided for their sum. */
public record PlannedClaim(UUID claimId,
                           UUID householdId,
                           MunicipalityCode municipality,
                           List<Finding> findings,
                           RecoveryGround ground,
                           LocalDate decidedOn) {

    public PlannedClaim {
        findings = List.copyOf(findings);
    }

    public record Finding(PlannedPayment payment, Money amount, ErroneousPaymentCause cause) {
    }

    public Money principal() {
        return findings.stream().map(Finding::amount).reduce(Money.ZERO, Money::plus);
    }
}
