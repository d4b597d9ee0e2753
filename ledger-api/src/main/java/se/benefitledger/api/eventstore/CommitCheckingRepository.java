package se.benefitledger.api.eventstore;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.common.Assert;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.LockAwareAggregate;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.RepositoryProvider;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.Objects;
import java.util.Optional;

/**
 * Axon's event-sourcing repository, minus a quadratic cost and plus a cache that is safe beside
 * other nodes and surrounding transactions.
 * <p>
 * On commit Axon checks that each aggregate is still managed by the unit of work with
 * {@code Map.containsValue}, a scan of all managed aggregates, for each of them: 100,000 payments in one
 * batch make 10^10 comparisons. This looks the aggregate up by its identifier instead.
 * <p>
 * With a cache, a loaded aggregate is kept after its transaction commits, so that the next command on it
 * (the next part of a settlement of 100,000 payments, the next payment of a decision) replays nothing.
 * Axon's own caching repository cannot be used as it is: it caches at the unit of work's commit, which is not the
 * commit of the request's transaction when a service owns that (a rolled-back request would leave its change
 * in the cache), and it trusts the cache even when another node has appended since. Here an aggregate enters the
 * cache only after its transaction committed, leaves it as soon as a command changes it, and a cached aggregate
 * is used only while the store's last sequence number for it is still the cached version (one indexed query,
 * instead of reading its events).
 */
public final class CommitCheckingRepository<T> extends EventSourcingRepository<T> {

    private final EventStore eventStore;
    private final RepositoryProvider repositoryProvider;
    private final SnapshotTriggerDefinition snapshotTriggers;
    private final Cache<String, CachedAggregate<T>> cache;

    private CommitCheckingRepository(Builder<T> builder, EventStore eventStore, RepositoryProvider repositoryProvider,
                                     SnapshotTriggerDefinition snapshotTriggers, Cache<String, CachedAggregate<T>> cache) {
        super(builder);
        this.eventStore = eventStore;
        this.repositoryProvider = repositoryProvider;
        this.snapshotTriggers = snapshotTriggers;
        this.cache = cache;
    }

    /**
     * With a snapshot after {@code snapshotThreshold} events (none if 0), taken once the command has
     * committed. Snapshots are the aggregate's fields as JSON ({@code EventStoreConfiguration}); Axon
     * skips those whose revision is not the aggregate class's {@code @Revision}. Up to {@code cacheSize} committed
     * aggregates are kept in memory (none if 0), the least recently used leaving first; the heap may reclaim any of
     * them (soft references), so the cache never causes an {@code OutOfMemoryError}.
     */
    public static <T> Repository<T> of(Class<T> aggregateType, Configuration axon, int snapshotThreshold, long cacheSize) {
        SnapshotTriggerDefinition snapshotTriggers = NoSnapshotTriggerDefinition.INSTANCE;
        if (snapshotThreshold > 0) {
            var snapshotter = AggregateSnapshotter.builder()
                                                  .eventStore(axon.eventStore())
                                                  .transactionManager(axon.getComponent(TransactionManager.class))
                                                  .aggregateFactories(new GenericAggregateFactory<>(aggregateType))
                                                  .parameterResolverFactory(axon.parameterResolverFactory())
                                                  .handlerDefinition(axon.handlerDefinition(aggregateType))
                                                  .repositoryProvider(axon::repository)
                                                  .build();
            snapshotTriggers = new EventCountSnapshotTriggerDefinition(snapshotter, snapshotThreshold);
        }
        RepositoryProvider repositoryProvider = axon::repository;
        var builder = EventSourcingRepository.builder(aggregateType)
                                             .eventStore(axon.eventStore())
                                             .parameterResolverFactory(axon.parameterResolverFactory())
                                             .handlerDefinition(axon.handlerDefinition(aggregateType))
                                             .repositoryProvider(repositoryProvider)
                                             .snapshotTriggerDefinition(snapshotTriggers);
        Cache<String, CachedAggregate<T>> cache = cacheSize > 0 ? Caffeine.newBuilder().maximumSize(cacheSize).softValues().build() : null;
        return new CommitCheckingRepository<>(builder, axon.eventStore(), repositoryProvider, snapshotTriggers, cache);
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        if (cache != null) {
            CachedAggregate<T> cached = cache.getIfPresent(aggregateIdentifier);
            if (cached != null && cached.isAt(eventStore.lastSequenceNumberFor(aggregateIdentifier))) {
                // the command may change the cached root in place before it fails
                CurrentUnitOfWork.get().onRollback(unitOfWork -> cache.invalidate(aggregateIdentifier));
                return cached.entry().recreateAggregate(aggregateModel(), eventStore, repositoryProvider, snapshotTriggers);
            }
        }
        return super.doLoadWithLock(aggregateIdentifier, expectedVersion);
    }

    @Override
    protected void doSaveWithLock(EventSourcedAggregate<T> aggregate) {
        super.doSaveWithLock(aggregate);
        if (cache != null) {
            String identifier = aggregate.identifierAsString();
            cache.invalidate(identifier);
            var cached = new CachedAggregate<>(new AggregateCacheEntry<>(aggregate), aggregate.version());
            afterCommit(() -> cache.put(identifier, cached));
        }
    }

    /** After the request's own transaction when there is one (the unit of work commits only its part of it). */
    private static void afterCommit(Runnable task) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    task.run();
                }
            });
        } else {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> task.run());
        }
    }

    @Override
    protected void prepareForCommit(LockAwareAggregate<T, EventSourcedAggregate<T>> aggregate) {
        Assert.state(aggregate.isLockHeld(), () -> "An aggregate is being used for which a lock is no longer held");
        if (UnitOfWork.Phase.STARTED.isBefore(CurrentUnitOfWork.get().phase())) {
            commit(aggregate);
        } else {
            CurrentUnitOfWork.get().onPrepareCommit(unitOfWork -> commit(aggregate));
        }
    }

    /** Axon's {@code AbstractRepository.doCommit}, with the managed-aggregate check by identifier. */
    private void commit(LockAwareAggregate<T, EventSourcedAggregate<T>> aggregate) {
        if (managedAggregates(CurrentUnitOfWork.get()).get(aggregate.identifierAsString()) != aggregate) {
            // not managed any more: its state was invalidated by a rollback
            reportIllegalState(aggregate);
        } else if (aggregate.isDeleted()) {
            doDelete(aggregate);
            postDelete(aggregate);
        } else {
            doSave(aggregate);
            postSave(aggregate);
        }
    }

    /** A committed aggregate and the sequence number of its last event. */
    private record CachedAggregate<T>(AggregateCacheEntry<T> entry, Long version) {

        boolean isAt(Optional<Long> lastSequenceNumber) {
            return Objects.equals(version, lastSequenceNumber.orElse(null));
        }
    }
}
