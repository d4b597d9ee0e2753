package se.benefitledger.api.support;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;
import se.benefitledger.core.payment.PaymentScheduledEvent;
import se.benefitledger.core.shared.Money;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A test-only handler in the monthly-spend projection that fails on every payment of
 * {@value #AMOUNT} SEK while {@link #poison} is set: a poisoned event, as a bug in a projection
 * would make one. No other test schedules that amount.
 */
@Component
@ProcessingGroup("monthly-spend")
public class PoisonedPayments {

    public static final String AMOUNT = "13.13";
    private final AtomicBoolean poisoned = new AtomicBoolean();

    public void poison(boolean on) {
        poisoned.set(on);
    }

    @EventHandler
    void on(PaymentScheduledEvent event) {
        if (poisoned.get() && event.amount().equals(Money.parse(AMOUNT))) {
            throw new IllegalStateException("test poison: payment " + event.paymentId() + " of " + AMOUNT + " SEK");
        }
    }
}
