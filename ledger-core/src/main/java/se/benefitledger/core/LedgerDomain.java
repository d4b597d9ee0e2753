package se.benefitledger.core;

import org.axonframework.config.Configurer;
import se.benefitledger.core.household.Household;

/**
 * Registers the ledger's aggregates and command handlers on an Axon {@link Configurer}. The
 * application and the domain tests configure Axon through this one place.
 */
public final class LedgerDomain {

    private LedgerDomain() {
    }

    public static Configurer configure(Configurer configurer) {
        return configurer.configureAggregate(Household.class);
    }
}
