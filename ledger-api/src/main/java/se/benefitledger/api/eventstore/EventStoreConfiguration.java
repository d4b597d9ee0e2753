package se.benefitledger.api.eventstore;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The JDBC event storage engine, with prefetching for bulk commands. */
@Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

    @Bean
    static EventStorageEngine eventStorageEngine(Serializer serializer, @Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          org.axonframework.config.Configuration axon, ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager, EventSchema schema) {
        return new PrefetchingEventStorageEngine(JdbcEventStorageEngine.builder()
                                                                       .snapshotSerializer(serializer)
                                                                       .eventSerializer(eventSerializer)
                                                                       .upcasterChain(axon.upcasterChain())
                                                                       .snapshotFilter(axon.snapshotFilter())
                                                                       .persistenceExceptionResolver(persistenceExceptionResolver)
                                                                       .connectionProvider(connectionProvider)
                                                                       .transactionManager(transactionManager)
                                                                       .schema(schema)
                                                                       // events per query when projections catch up or replay
                                                                       .batchSize(1000));
    }

    @Autowired
    void prefetchForBulkCommands(CommandBus commandBus, EventStorageEngine engine) {
        commandBus.registerHandlerInterceptor(new BulkLoadInterceptor((PrefetchingEventStorageEngine) engine));
    }
}
