package se.benefitledger.tools.bulk;

import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import se.benefitledger.core.decision.Decision;
import se.benefitledger.core.household.Household;

/**
 * Registers the bulk commands' handler. The service never does: only a tool that loads history
 * in-process adds this class to the application it starts (the benchmark does).
 */
public class BulkCommands implements ConfigurerModule {

    @Override
    public void configureModule(Configurer configurer) {
        configurer.registerCommandHandler(c -> new HouseholdBulkHandler(c.repository(Household.class), c.repository(Decision.class)));
    }
}
