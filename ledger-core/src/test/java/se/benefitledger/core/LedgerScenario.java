package se.benefitledger.core;

import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Given/when/then for commands that change several aggregates in one unit of work, which
 * Axon's single-aggregate fixture cannot hold: the domain exactly as {@link LedgerDomain}
 * configures it, on an in-memory event store.
 */
public final class LedgerScenario {

    private final Configuration axon;
    private final Map<UUID, Long> nextSequence = new HashMap<>();
    private final List<Object> published = new ArrayList<>();

    private LedgerScenario(Consumer<Configurer> additions) {
        var configurer = LedgerDomain.configure(DefaultConfigurer.defaultConfiguration()
                                                                 .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine()));
        additions.accept(configurer);
        axon = configurer.buildConfiguration();
        axon.start();
        axon.eventBus().subscribe(events -> events.forEach(event -> published.add(event.getPayload())));
    }

    public static LedgerScenario start() {
        return new LedgerScenario(configurer -> { });
    }

    /** With handlers the application does not register, e.g. those of the tools that load history. */
    public static LedgerScenario start(Consumer<Configurer> additions) {
        return new LedgerScenario(additions);
    }

    /** Events already in the store for one aggregate, e.g. {@code given("Payment", paymentId, scheduled, batched)}. */
    public LedgerScenario given(String aggregateType, UUID aggregateId, Object... events) {
        var messages = new ArrayList<EventMessage<?>>();
        for (Object event : events) {
            long sequence = nextSequence.merge(aggregateId, 1L, Long::sum) - 1;
            messages.add(new GenericDomainEventMessage<>(aggregateType, aggregateId.toString(), sequence, event));
        }
        axon.eventStore().publish(messages);
        return this;
    }

    public Outcome when(Object command) {
        published.clear();
        try {
            axon.commandGateway().sendAndWait(command);
            return new Outcome(List.copyOf(published), null);
        } catch (RuntimeException refused) {
            return new Outcome(List.copyOf(published), refused);
        }
    }

    public record Outcome(List<Object> events, RuntimeException exception) {

        public Outcome expectEvents(Object... expected) {
            assertThat(exception).as("the command was refused").isNull();
            assertThat(events).containsExactly(expected);
            return this;
        }

        public Outcome expectException(Class<? extends RuntimeException> type, String messagePart) {
            assertThat(exception).isInstanceOf(type).hasMessageContaining(messagePart);
            assertThat(events).as("a refused command stores nothing").isEmpty();
            return this;
        }
    }
}
