package se.benefitledger.core;

import org.axonframework.config.Configurer;
import se.benefitledger.core.decision.Decision;
import se.benefitledger.core.decision.DecisionPaymentsHandler;
import se.benefitledger.core.household.Household;
import se.benefitledger.core.payment.Payment;
import se.benefitledger.core.payout.PayoutBatch;
import se.benefitledger.core.payout.PayoutHandler;
import se.benefitledger.core.recovery.RecoveryClaim;
import se.benefitledger.core.recovery.RecoveryClaimHandler;

/**
 * Registers the ledger's aggregates and command handlers on an Axon {@link Configurer}. The
 * application and the domain tests configure Axon through this one place.
 */
public final class LedgerDomain {

    private LedgerDomain() {
    }

    public static Configurer configure(Configurer configurer) {
        return configurer.configureAggregate(Household.class)
                         .configureAggregate(Decision.class)
                         .configureAggregate(Payment.class)
                         .configureAggregate(PayoutBatch.class)
                         .configureAggregate(RecoveryClaim.class)
                         .registerCommandHandler(c -> new DecisionPaymentsHandler(c.repository(Decision.class), c.repository(Payment.class)))
                         .registerCommandHandler(c -> new PayoutHandler(c.repository(PayoutBatch.class), c.repository(Payment.class),
                                 c.repository(Decision.class)))
                         .registerCommandHandler(c -> new RecoveryClaimHandler(c.repository(RecoveryClaim.class), c.repository(Payment.class),
                                 c.repository(Household.class)));
    }
}
