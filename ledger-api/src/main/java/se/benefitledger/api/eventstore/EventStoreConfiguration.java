package se.benefitledger.api.eventstore;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.benefitledger.projections.json.LedgerJson;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The JDBC event store, made for bulk commands: bounded and prefetched ({@link BulkLoadInterceptor}), one block of
 * indexes open at a time ({@link LedgerEventStorageEngine}), and two of Axon's per-aggregate scans replaced by look-ups
 * ({@link StagedAwareEventStore}, {@link CommitCheckingRepository}).
 */
@Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

    @Bean
    static EventStorageEngine eventStorageEngine(@Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          org.axonframework.config.Configuration axon, ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager, EventSchema schema,
                                          EventStoreProperties properties) {
        return new LedgerEventStorageEngine(JdbcEventStorageEngine.builder()
                                                                       .snapshotSerializer(snapshotSerializer())
                                                                       .eventSerializer(eventSerializer)
                                                                       .upcasterChain(axon.upcasterChain())
                                                                       .snapshotFilter(axon.snapshotFilter())
                                                                       .persistenceExceptionResolver(persistenceExceptionResolver)
                                                                       .connectionProvider(connectionProvider)
                                                                       .transactionManager(transactionManager)
                                                                       .schema(schema)
                                                                       // events per query when projections catch up or replay
                                                                       .batchSize(1000)
                                                                       .maxGapOffset(MAX_GAP_OFFSET)
                                                                       .gapTimeout((int) GAP_TIMEOUT.toMillis()),
                                            properties.maxIndexHold(), properties.appendGateWait());
    }

    /**
     * How many later indexes a projection reads before its token forgets a gap, an index whose transaction has not
     * committed yet. A forgotten gap's event is never handled, by any projection, when it commits after all. Axon's
     * default, 10,000, is a few seconds of payday: a settlement commits thousands of events a second beside the
     * caseworkers' commands, one of which may be held up by a collection or a lock between its insert and its commit
     * ({@code LateCommitTest}). A million is minutes even at the national load's rate, so Axon's time limit
     * ({@link #GAP_TIMEOUT}) decides instead: a gap is dropped once the events after it are older than that, as
     * soon as a token holds more than 250 gaps, and whenever the processor reads an event older than that. Gaps that
     * never fill (rolled-back inserts) thus stay at some 250 in a token, plus those of the last minute.
     */
    static final int MAX_GAP_OFFSET = 1_000_000;

    /**
     * How old the events after a gap may be before a projection drops the gap (Axon's default, named here because
     * {@link EventIndexHold} keeps every transaction's hold on its indexes below it).
     */
    static final Duration GAP_TIMEOUT = Duration.ofMinutes(1);

    /**
     * Aggregates have no getters: a snapshot is their fields, whatever their visibility, with the
     * event store's JSON settings (the ledger's value types, dates as text).
     */
    static Serializer snapshotSerializer() {
        var json = LedgerJson.eventObjectMapper()
                             .setVisibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
                             .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
                             .setVisibility(PropertyAccessor.SETTER, JsonAutoDetect.Visibility.NONE)
                             .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
        return ClassCachingJacksonSerializer.of(json);
    }

    /**
     * Every upcaster, in order. The event store reads through them, and so does every processor
     * and the household history, which read from it or through {@code axon.upcasterChain()}.
     */
    @Bean
    static ConfigurerModule eventUpcasters() {
        return configurer -> configurer.registerEventUpcaster(configuration -> new DecisionRevokedEventUpcaster());
    }

    /** Axon's own event store, built the same way, with {@link StagedAwareEventStore}'s shortcut. */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    static EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration axon) {
        return new StagedAwareEventStore(EmbeddedEventStore.builder()
                                                           .storageEngine(storageEngine)
                                                           .messageMonitor(axon.messageMonitor(EventStore.class, "eventStore"))
                                                           .spanFactory(axon.getComponent(EventBusSpanFactory.class)));
    }

    /**
     * The report projections' event source ({@code axon.eventhandling.processors.<report>.source} in
     * application.yml): the event store, with one shared read for the projections replaying it from the start.
     */
    @Bean
    static SharedReplaySource sharedReplay(EmbeddedEventStore eventStore, SharedReplayProperties limits, MeterRegistry registry) {
        return new SharedReplaySource(eventStore, limits, registry);
    }

    /**
     * Tells a unique-key violation (SQL state 23505: another request appended at this aggregate's
     * sequence first) from other failures, so that Axon reports it as a ConcurrencyException (409).
     * Axon's JDBC auto-configuration stops providing a resolver once an event store is declared, as
     * above, and its JdbcSQLErrorCodesResolver looks for SQLIntegrityConstraintViolationException,
     * which the PostgreSQL driver never throws.
     */
    @Bean
    static PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    @Autowired
    void measureAppendGate(EventStorageEngine engine, MeterRegistry registry) {
        var ledgerEngine = (LedgerEventStorageEngine) engine;
        FunctionTimer.builder("ledger.event-store.append-gate.wait", ledgerEngine, e -> e.appendGate().passes(),
                             e -> e.appendGate().waited().toNanos(), TimeUnit.NANOSECONDS)
                     .description("inserts of events at the append gate, and how long they waited there for a bulk transaction's commit")
                     .register(registry);
        FunctionCounter.builder("ledger.event-store.append-gate.timeouts", ledgerEngine, e -> e.appendGate().timeouts())
                       .description("inserts of events that went ahead without the append gate after waiting for it in vain")
                       .register(registry);
    }

    @Autowired
    void boundBulkCommands(CommandBus commandBus, EventStorageEngine engine) {
        commandBus.registerHandlerInterceptor(new BulkLoadInterceptor((LedgerEventStorageEngine) engine));
    }
}
