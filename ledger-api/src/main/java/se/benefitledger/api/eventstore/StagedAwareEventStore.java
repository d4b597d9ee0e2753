package se.benefitledger.api.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Axon's embedded event store, minus a quadratic cost. Loading an aggregate appends the events
 * staged in the unit of work for it; Axon finds those by copying and scanning every staged event
 * of the unit of work (with {@code ArrayList.contains}), once per load. A payout batch loads
 * 100,000 payments in one unit of work: hours. Here the unit of work remembers which aggregates
 * have staged events, and Axon's scan runs only for those.
 */
class StagedAwareEventStore extends EmbeddedEventStore {

    private static final String STAGED = StagedAwareEventStore.class.getName();

    StagedAwareEventStore(Builder builder) {
        super(builder);
    }

    @Override
    public void publish(List<? extends EventMessage<?>> events) {
        if (CurrentUnitOfWork.isStarted()) {
            Set<String> staged = CurrentUnitOfWork.get().root().getOrComputeResource(STAGED, key -> new HashSet<>());
            for (EventMessage<?> event : events) {
                if (event instanceof DomainEventMessage<?> domainEvent) {
                    staged.add(domainEvent.getAggregateIdentifier());
                }
            }
        }
        super.publish(events);
    }

    @Override
    protected Stream<? extends DomainEventMessage<?>> stagedDomainEventMessages(String aggregateIdentifier) {
        Set<String> staged = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root().getResource(STAGED) : null;
        return staged == null || !staged.contains(aggregateIdentifier) ? Stream.empty() : super.stagedDomainEventMessages(aggregateIdentifier);
    }
}
