package se.benefitledger.api.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Times the handling of messages under one name for every processor and bus, so that a dashboard
 * sums or filters by tag instead of knowing each component's name: {@code ledger.messages}
 * (a timer) tagged {@code processor} (the event processor, {@code eventBus}, {@code commandBus},
 * {@code queryBus}), {@code payloadType} (the message's simple class name) and {@code outcome}
 * ({@code success}, {@code failure}); {@code ledger.messages.ignored} counts what a processor has
 * no handler for. The meters of a payload type are built on its first message, not looked up per
 * message.
 */
final class MeteredMessages implements MessageMonitor<Message<?>> {

    private final String processor;
    private final MeterRegistry registry;
    private final Map<Class<?>, Meters> byPayloadType = new ConcurrentHashMap<>();

    MeteredMessages(String processor, MeterRegistry registry) {
        this.processor = processor;
        this.registry = registry;
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        Meters meters = byPayloadType.computeIfAbsent(message.getPayloadType(), this::meters);
        long started = System.nanoTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                meters.succeeded.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            }

            @Override
            public void reportFailure(Throwable cause) {
                meters.failed.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            }

            @Override
            public void reportIgnored() {
                meters.ignored.increment();
            }
        };
    }

    private Meters meters(Class<?> payloadType) {
        String type = payloadType.getSimpleName();
        return new Meters(timer(type, "success"), timer(type, "failure"),
                Counter.builder("ledger.messages.ignored")
                       .description("messages a processor has no handler for")
                       .tags("processor", processor, "payloadType", type)
                       .register(registry));
    }

    private Timer timer(String payloadType, String outcome) {
        return Timer.builder("ledger.messages")
                    .description("handling of commands, events and queries")
                    .tags("processor", processor, "payloadType", payloadType, "outcome", outcome)
                    .register(registry);
    }

    private record Meters(Timer succeeded, Timer failed, Counter ignored) {
    }
}
