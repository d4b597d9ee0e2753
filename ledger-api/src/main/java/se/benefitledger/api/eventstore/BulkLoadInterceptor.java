package se.benefitledger.api.eventstore;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import se.benefitledger.core.shared.BulkCommand;

import java.util.UUID;

/**
 * Before a {@link BulkCommand} is handled: refuses one of more than {@link BulkCommand#MAX_AGGREGATES}
 * aggregates, and announces its aggregates to the event store, which prefetches them and treats the
 * unit of work's events as a bulk command's ({@link LedgerEventStorageEngine#appendEvents}: one bulk
 * transaction at a time from its insert to its commit). So a block of global indexes held open is at
 * most one part's events (see docs/bulk-commands.md).
 */
class BulkLoadInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final LedgerEventStorageEngine engine;

    BulkLoadInterceptor(LedgerEventStorageEngine engine) {
        this.engine = engine;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (unitOfWork.getMessage().getPayload() instanceof BulkCommand bulk) {
            var aggregates = bulk.aggregateIdentifiers();
            // a settlement part also names its batch
            if (aggregates.size() > BulkCommand.MAX_AGGREGATES + 1) {
                throw new IllegalArgumentException("a bulk command changes at most " + BulkCommand.MAX_AGGREGATES + " aggregates, not "
                        + aggregates.size() + ": split it into parts (BulkCommands)");
            }
            engine.prefetch(aggregates.stream().map(UUID::toString).toList());
        }
        return chain.proceed();
    }
}
