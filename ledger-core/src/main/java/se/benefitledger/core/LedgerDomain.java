package se.benefitledger.core;

import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.modelling.command.Repository;
import se.benefitledger.core.decision.Decision;
import se.benefitledger.core.decision.DecisionPaymentsHandler;
import se.benefitledger.core.household.Household;
import se.benefitledger.core.household.HouseholdBulkHandler;
import se.benefitledger.core.household.PaymentSchedulingHandler;
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

    /** Builds an aggregate's repository, where the application replaces Axon's default. */
    public interface Repositories {
        <T> Repository<T> repositoryFor(Class<T> aggregateType, Configuration axon);
    }

    private LedgerDomain() {
    }

    /** With Axon's default repositories. */
    public static Configurer configure(Configurer configurer) {
        return configure(configurer, null);
    }

    public static Configurer configure(Configurer configurer, Repositories repositories) {
        aggregate(configurer, Household.class, repositories);
        aggregate(configurer, Decision.class, repositories);
        aggregate(configurer, Payment.class, repositories);
        aggregate(configurer, PayoutBatch.class, repositories);
        aggregate(configurer, RecoveryClaim.class, repositories);
        return configurer
                .registerCommandHandler(c -> new HouseholdBulkHandler(c.repository(Household.class), c.repository(Decision.class),
                        c.repository(Payment.class)))
                .registerCommandHandler(c -> new PaymentSchedulingHandler(c.repository(Household.class), c.repository(Decision.class),
                        c.repository(Payment.class)))
                .registerCommandHandler(c -> new DecisionPaymentsHandler(c.repository(Decision.class), c.repository(Payment.class)))
                .registerCommandHandler(c -> new PayoutHandler(c.repository(PayoutBatch.class), c.repository(Payment.class),
                        c.repository(Decision.class)))
                .registerCommandHandler(c -> new RecoveryClaimHandler(c.repository(RecoveryClaim.class), c.repository(Payment.class),
                        c.repository(Household.class)));
    }

    private static <T> void aggregate(Configurer configurer, Class<T> type, Repositories repositories) {
        var aggregate = AggregateConfigurer.defaultConfiguration(type);
        if (repositories != null) {
            aggregate.configureRepository(axon -> repositories.repositoryFor(type, axon));
        }
        configurer.configureAggregate(aggregate);
    }
}
