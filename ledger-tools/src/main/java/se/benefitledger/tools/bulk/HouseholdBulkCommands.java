package se.benefitledger.tools.bulk;

import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import se.benefitledger.core.decision.Decision;
import se.benefitledger.core.household.Household;
import se.benefitledger.core.payment.Payment;

/**
 * Registers the bulk commands' handler. The service never does: only a tool that loads history
 * in-process adds this class to the application it starts (the benchmark does).
 */
public class HouseholdBulkCommands implements ConfigurerModule {

    @Override
    public void configureModule(Configurer configurer) {
        configurer.registerCommandHandler(c -> new HouseholdBulkHandler(c.repository(Household.class), c.repository(Decision.class),
                c.repository(Payment.class)));
    }
}
