package se.benefitledger.api.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

import java.util.concurrent.TimeUnit;

/**
 * Counts messages (ingested, succeeded, failed, ignored) and times their handling under Axon's
 * meter names ({@code <component>.ingestedCounter}, {@code .successCounter}, {@code .failureCounter},
 * {@code .ignoredCounter}, {@code .allTimer}), with meters looked up once, not per message.
 */
final class MeteredMessages implements MessageMonitor<Message<?>> {

    private final Counter ingested;
    private final Counter succeeded;
    private final Counter failed;
    private final Counter ignored;
    private final Timer handling;

    MeteredMessages(String name, MeterRegistry registry) {
        ingested = registry.counter(name + ".ingestedCounter");
        succeeded = registry.counter(name + ".successCounter");
        failed = registry.counter(name + ".failureCounter");
        ignored = registry.counter(name + ".ignoredCounter");
        handling = registry.timer(name + ".allTimer");
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        ingested.increment();
        long started = System.nanoTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                succeeded.increment();
                handling.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            }

            @Override
            public void reportFailure(Throwable cause) {
                failed.increment();
                handling.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            }

            @Override
            public void reportIgnored() {
                ignored.increment();
            }
        };
    }
}
