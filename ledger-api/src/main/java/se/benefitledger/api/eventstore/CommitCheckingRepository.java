package se.benefitledger.api.eventstore;

import org.axonframework.common.Assert;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.LockAwareAggregate;
import org.axonframework.modelling.command.Repository;

/**
 * Axon's event-sourcing repository, minus a quadratic cost. On commit Axon checks that each
 * aggregate is still managed by the unit of work with {@code Map.containsValue}, a scan of all
 * managed aggregates, for each of them: 100,000 payments in one batch make 10^10 comparisons. This
 * looks the aggregate up by its identifier instead; the rest is Axon's own commit.
 */
public final class CommitCheckingRepository<T> extends EventSourcingRepository<T> {

    private CommitCheckingRepository(Builder<T> builder) {
        super(builder);
    }

    /**
     * With a snapshot after {@code snapshotThreshold} events (none if 0), taken once the command has
     * committed. Snapshots are the aggregate's fields as JSON ({@code EventStoreConfiguration}); Axon
     * skips those whose revision is not the aggregate class's {@code @Revision}.
     */
    public static <T> Repository<T> of(Class<T> aggregateType, Configuration axon, int snapshotThreshold) {
        var builder = EventSourcingRepository.builder(aggregateType)
                                             .eventStore(axon.eventStore())
                                             .parameterResolverFactory(axon.parameterResolverFactory())
                                             .handlerDefinition(axon.handlerDefinition(aggregateType))
                                             .repositoryProvider(axon::repository);
        if (snapshotThreshold > 0) {
            var snapshotter = AggregateSnapshotter.builder()
                                                  .eventStore(axon.eventStore())
                                                  .transactionManager(axon.getComponent(TransactionManager.class))
                                                  .aggregateFactories(new GenericAggregateFactory<>(aggregateType))
                                                  .parameterResolverFactory(axon.parameterResolverFactory())
                                                  .handlerDefinition(axon.handlerDefinition(aggregateType))
                                                  .repositoryProvider(axon::repository)
                                                  .build();
            builder.snapshotTriggerDefinition(new EventCountSnapshotTriggerDefinition(snapshotter, snapshotThreshold));
        }
        return new CommitCheckingRepository<>(builder);
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
}
