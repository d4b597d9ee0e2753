package se.benefitledger.api.eventstore;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import se.benefitledger.core.shared.BulkCommand;

import java.util.UUID;

/**
 * Before a {@link BulkCommand} is handled: refuses one of more than {@link BulkCommand#MAX_AGGREGATES}
 * aggregates, waits until no other bulk command's transaction is open (a PostgreSQL advisory lock
 * held until commit, on every node), and announces its aggregates to the event store for
 * prefetching. So at most one bulk command at a time holds a block of global indexes open, and
 * that block is at most one part's events (see docs/bulk-commands.md).
 */
class BulkLoadInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    /** The advisory lock's key: "bulk" in ASCII. */
    static final long BULK_LOCK = 0x62756c6bL;

    private final LedgerEventStorageEngine engine;
    private final JdbcTemplate jdbc;

    BulkLoadInterceptor(LedgerEventStorageEngine engine, JdbcTemplate jdbc) {
        this.engine = engine;
        this.jdbc = jdbc;
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
            if (TransactionSynchronizationManager.isActualTransactionActive()) {
                jdbc.query("SELECT pg_advisory_xact_lock(?)", rs -> null, BULK_LOCK);
            }
            engine.prefetch(aggregates.stream().map(UUID::toString).toList());
        }
        return chain.proceed();
    }
}
