package se.benefitledger.api.eventstore;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import se.benefitledger.core.shared.BulkCommand;

import java.util.UUID;

/** Before a {@link BulkCommand} is handled, announces its aggregates to the event store for prefetching. */
class BulkLoadInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final LedgerEventStorageEngine engine;

    BulkLoadInterceptor(LedgerEventStorageEngine engine) {
        this.engine = engine;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (unitOfWork.getMessage().getPayload() instanceof BulkCommand bulk) {
            engine.prefetch(bulk.aggregateIdentifiers().stream().map(UUID::toString).toList());
        }
        return chain.proceed();
    }
}
