package se.benefitledger.api.eventstore;

import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Axon's JDBC event storage, made for units of work of 100,000 aggregates. A bulk command (a
 * payout batch) announces the aggregates it will load with {@link #prefetch}; loading them then
 * reads their events in chunks of {@value #CHUNK} aggregates per query, in the announced order,
 * instead of one query per aggregate, holding only the current chunk in memory. Appending sends
 * {@value #CHUNK} events per JDBC batch rather than all of them at once (same transaction, same
 * result, far less memory). A transaction that appends commits within {@code ledger.event-store.max-index-hold} or is
 * rolled back ({@link EventIndexHold}). Everything else is Axon's engine.
 */
public class LedgerEventStorageEngine extends JdbcEventStorageEngine {

    static final int CHUNK = 1_000;
    /** The advisory lock a bulk transaction holds from its insert to its commit, on every node: "bulk" in ASCII. */
    static final long BULK_LOCK = 0x62756c6bL;
    private static final String PLAN = LedgerEventStorageEngine.class.getName();

    private final Duration maxIndexHold;
    private final AppendGate gate;

    public LedgerEventStorageEngine(JdbcEventStorageEngine.Builder builder, Duration maxIndexHold, Duration appendGateWait) {
        super(builder);
        this.maxIndexHold = maxIndexHold;
        this.gate = new AppendGate(appendGateWait);
    }

    /**
     * A bulk command's events (it announced its aggregates) are inserted by one bulk transaction at a time, on every node
     * (a PostgreSQL advisory lock, {@link #BULK_LOCK}, held until commit), and close this node's {@link AppendGate} from
     * their insert until their commit; other events pass the gate. So that both are held briefly, a bulk command's events
     * are serialised first (each message keeps its serialised form, which the insert then takes, as {@code byte[]}, the
     * engine's default data type, for the BYTEA columns) and inserted last in the unit of work's prepare-commit phase,
     * after the command side's views have written their rows (their handlers commit as units of work nested in this
     * phase): bulk commands load, decide and write their views side by side, and take turns only from their inserts to
     * their commits. A failed insert fails the unit of work as before.
     */
    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        EventIndexHold.begin(maxIndexHold);
        if (plan() == null) {
            gate.pass(() -> appendInChunks(events, serializer));
            return;
        }
        events.forEach(event -> {
            event.serializePayload(serializer, byte[].class);
            event.serializeMetaData(serializer, byte[].class);
        });
        CurrentUnitOfWork.get().root().onPrepareCommit(done -> {
            takeTurnAmongBulkTransactions();
            gate.closeUntilCompletion();
            appendInChunks(events, serializer);
        });
    }

    /** Waits until no other bulk transaction, on any node, holds its block of indexes open; outside a transaction there is no other. */
    private void takeTurnAmongBulkTransactions() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return;
        }
        Connection connection = getConnection();
        try {
            JdbcUtils.executeQuery(connection,
                    c -> {
                        var statement = c.prepareStatement("SELECT pg_advisory_xact_lock(?)");
                        statement.setLong(1, BULK_LOCK);
                        return statement;
                    },
                    resultSet -> null,
                    e -> new IllegalStateException("could not take the bulk transactions' lock", e));
        } finally {
            JdbcUtils.closeQuietly(connection);
        }
    }

    private void appendInChunks(List<? extends EventMessage<?>> events, Serializer serializer) {
        for (int from = 0; from < events.size(); from += CHUNK) {
            super.appendEvents(events.subList(from, Math.min(events.size(), from + CHUNK)), serializer);
        }
    }

    /** What the {@link AppendGate} has done since the service started. */
    public AppendGateFigures appendGate() {
        return new AppendGateFigures(gate.passes(), Duration.ofNanos(gate.waitedNanos()), gate.timeouts());
    }

    /**
     * How many inserts of events came to the append gate, how long they waited there all together, and how many of them
     * went ahead without it after waiting in vain.
     */
    public record AppendGateFigures(long passes, Duration waited, long timeouts) {
    }

    /** Within the current unit of work, these aggregates will be loaded, in this order. */
    public void prefetch(List<String> aggregateIdentifiers) {
        CurrentUnitOfWork.get().root().resources().put(PLAN, new Plan(aggregateIdentifiers));
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readEventData(String identifier, long firstSequenceNumber) {
        Plan plan = plan();
        if (plan == null || !plan.covers(identifier)) {
            return super.readEventData(identifier, firstSequenceNumber);
        }
        return plan.take(identifier, this::readChunk).stream().filter(event -> event.getSequenceNumber() >= firstSequenceNumber);
    }

    /**
     * The aggregate cache asks this of every aggregate it holds; for the announced aggregates one query answers
     * all of them, instead of one query each.
     */
    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        Plan plan = plan();
        if (plan == null || !plan.covers(aggregateIdentifier)) {
            return super.lastSequenceNumberFor(aggregateIdentifier);
        }
        return Optional.ofNullable(plan.lastSequenceNumbers(this::readLastSequenceNumbers).get(aggregateIdentifier));
    }

    /** Prefetched aggregates are read from their first event; a snapshot would only repeat it. */
    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        Plan plan = plan();
        return plan != null && plan.covers(aggregateIdentifier) ? Stream.empty() : super.readSnapshotData(aggregateIdentifier);
    }

    private Plan plan() {
        return CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root().getResource(PLAN) : null;
    }

    private Map<String, List<DomainEventData<?>>> readChunk(List<String> identifiers) {
        String sql = "SELECT " + domainEventFields() + " FROM " + schema().domainEventTable()
                + " WHERE " + schema().aggregateIdentifierColumn() + " = ANY (?)"
                + " ORDER BY " + schema().aggregateIdentifierColumn() + ", " + schema().sequenceNumberColumn();
        return queryAll(sql, identifiers, "prefetch the events of", resultSet -> {
            Map<String, List<DomainEventData<?>>> events = new HashMap<>();
            while (resultSet.next()) {
                DomainEventData<?> event = getDomainEventData(resultSet);
                events.computeIfAbsent(event.getAggregateIdentifier(), id -> new ArrayList<>()).add(event);
            }
            return events;
        });
    }

    private Map<String, Long> readLastSequenceNumbers(List<String> identifiers) {
        String sql = "SELECT " + schema().aggregateIdentifierColumn() + ", max(" + schema().sequenceNumberColumn() + ") FROM "
                + schema().domainEventTable() + " WHERE " + schema().aggregateIdentifierColumn() + " = ANY (?) GROUP BY 1";
        return queryAll(sql, identifiers, "read the last sequence numbers of", resultSet -> {
            Map<String, Long> last = new HashMap<>();
            while (resultSet.next()) {
                last.put(resultSet.getString(1), resultSet.getLong(2));
            }
            return last;
        });
    }

    /** One query with the aggregates' identifiers as its array parameter. */
    private <R> R queryAll(String sql, List<String> identifiers, String what, JdbcUtils.SqlResultConverter<R> reader) {
        Connection connection = getConnection();
        try {
            return JdbcUtils.executeQuery(connection,
                    c -> {
                        var statement = c.prepareStatement(sql);
                        statement.setArray(1, c.createArrayOf("varchar", identifiers.toArray()));
                        return statement;
                    },
                    reader,
                    e -> new IllegalStateException("could not " + what + " " + identifiers.size() + " aggregates", e));
        } finally {
            JdbcUtils.closeQuietly(connection);
        }
    }

    /** The announced aggregates, and the chunk of their events read but not yet loaded. */
    private static final class Plan {
        private final List<String> order;
        private final Map<String, Integer> pending = new HashMap<>();
        private final Map<String, List<DomainEventData<?>>> loaded = new HashMap<>();
        private Map<String, Long> lastSequenceNumbers;

        Plan(List<String> order) {
            this.order = List.copyOf(order);
            for (int i = order.size() - 1; i >= 0; i--) {
                pending.put(order.get(i), i);
            }
        }

        boolean covers(String identifier) {
            return pending.containsKey(identifier);
        }

        /** Read once, at the first question, before any of them is loaded and changed. */
        Map<String, Long> lastSequenceNumbers(Function<List<String>, Map<String, Long>> reader) {
            if (lastSequenceNumbers == null) {
                lastSequenceNumbers = reader.apply(order);
            }
            return lastSequenceNumbers;
        }

        /** The aggregate's events, reading the chunk that starts with it when they are not in memory yet. */
        List<DomainEventData<?>> take(String identifier, ChunkReader reader) {
            int position = pending.remove(identifier);
            if (!loaded.containsKey(identifier)) {
                loaded.clear();
                List<String> chunk = order.subList(position, Math.min(order.size(), position + CHUNK));
                loaded.putAll(reader.read(chunk));
                chunk.forEach(id -> loaded.putIfAbsent(id, List.of()));
            }
            return loaded.remove(identifier);
        }
    }

    @FunctionalInterface
    private interface ChunkReader {
        Map<String, List<DomainEventData<?>>> read(List<String> identifiers);
    }
}
