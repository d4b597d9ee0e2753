package se.benefitledger.api.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.queryhandling.QueryMessage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.Function;

/**
 * Axon's Micrometer metrics, made affordable at 10,000 events a second; Axon's auto-configuration
 * uses this registry instead of its own. Found loading a national month:
 * <ul>
 * <li>Axon's capacity monitor keeps every handled message's duration for a sliding window of ten
 * minutes, per event processor and bus: ten processors each seeing every event held some 60
 * million measurements, gigabytes of heap. It is left out.</li>
 * <li>Axon's counting, timer and latency monitors look their meters up in the registry (and build
 * percentile histograms) for every message: 18 % of the service's CPU. Event processors and the
 * event store, command and query buses count and time with meters built once instead, under one
 * name with a {@code processor} tag ({@link MeteredMessages}); how far each projection is behind
 * is {@code ledger.projection.lag}.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    @Bean
    static GlobalMetricRegistry globalMetricRegistry(MeterRegistry registry) {
        return new WithoutCapacity(registry);
    }

    private static final class WithoutCapacity extends GlobalMetricRegistry {

        WithoutCapacity(MeterRegistry registry) {
            super(registry);
        }

        @Override
        public MessageMonitor<? super EventMessage<?>> registerEventProcessor(String name) {
            return new MeteredMessages(name, getRegistry());
        }

        @Override
        public MessageMonitor<? super EventMessage<?>> registerEventBus(String name) {
            return new MeteredMessages(name, getRegistry());
        }

        // Axon's dimensional variants receive tag functions; ledger.messages carries its tags itself

        @Override
        public MessageMonitor<? super EventMessage<?>> registerEventProcessor(String name, Function<Message<?>, Iterable<Tag>> tags,
                                                                              Function<Message<?>, Iterable<Tag>> latencyTags) {
            return new MeteredMessages(name, getRegistry());
        }

        @Override
        public MessageMonitor<? super CommandMessage<?>> registerCommandBus(String name) {
            return new MeteredMessages(name, getRegistry());
        }

        @Override
        public MessageMonitor<? super CommandMessage<?>> registerCommandBus(String name, Function<Message<?>, Iterable<Tag>> tags) {
            return new MeteredMessages(name, getRegistry());
        }

        @Override
        public MessageMonitor<? super QueryMessage<?, ?>> registerQueryBus(String name) {
            return new MeteredMessages(name, getRegistry());
        }

        @Override
        public MessageMonitor<? super QueryMessage<?, ?>> registerQueryBus(String name, Function<Message<?>, Iterable<Tag>> tags) {
            return new MeteredMessages(name, getRegistry());
        }
    }
}
