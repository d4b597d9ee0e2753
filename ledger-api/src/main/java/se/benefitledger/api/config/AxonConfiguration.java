package se.benefitledger.api.config;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.modelling.command.Repository;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import se.benefitledger.api.eventstore.AggregateCacheProperties;
import se.benefitledger.api.eventstore.ClassCachingJacksonSerializer;
import se.benefitledger.api.eventstore.CommitCheckingRepository;
import se.benefitledger.api.eventstore.SnapshotProperties;
import se.benefitledger.core.LedgerDomain;
import se.benefitledger.core.payment.Payment;
import se.benefitledger.core.payout.PayoutBatch;
import se.benefitledger.projections.json.LedgerJson;

import javax.sql.DataSource;

/**
 * Axon without Axon Server: the JDBC event and token stores on PostgreSQL (tables created by
 * Flyway, see {@code V1__event_store.sql}), Jackson for everything stored, and the domain's
 * aggregates and handlers from {@link LedgerDomain}.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                          .eventTable("domain_event_entry")
                          .snapshotTable("snapshot_event_entry")
                          .globalIndexColumn("global_index")
                          .timestampColumn("time_stamp")
                          .eventIdentifierColumn("event_identifier")
                          .aggregateIdentifierColumn("aggregate_identifier")
                          .sequenceNumberColumn("sequence_number")
                          .typeColumn("type")
                          .payloadTypeColumn("payload_type")
                          .payloadRevisionColumn("payload_revision")
                          .payloadColumn("payload")
                          .metaDataColumn("meta_data")
                          .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                          .setTokenTable("token_entry")
                          .setProcessorNameColumn("processor_name")
                          .setSegmentColumn("segment")
                          .setTokenColumn("token")
                          .setTokenTypeColumn("token_type")
                          .setTimestampColumn("timestamp")
                          .setOwnerColumn("owner")
                          .build();
    }

    /**
     * Axon's JDBC stores take their connection from the Spring transaction of the moment, like
     * every read model. (Axon's default wrapper would commit or roll back that connection itself at
     * the end of each unit of work, behind the back of the surrounding transaction.)
     */
    @Bean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        return new SpringDataSourceConnectionProvider(dataSource);
    }

    /**
     * Events, metadata, snapshots and tokens as JSON, written by a mapper of their own (not the REST
     * one); Axon's event serializer is this one too.
     */
    @Bean
    @Primary
    Serializer serializer() {
        return ClassCachingJacksonSerializer.of(LedgerJson.eventObjectMapper());
    }

    /**
     * One cache per aggregate type: identifiers are only unique within a type. A payout batch is never
     * snapshotted: it has few events, each of up to 400 payments, and its state holds every payment, so
     * a snapshot spares no more than it costs (a 100,000-payment batch took five snapshots of megabytes
     * during its settlement, written by the settlement's own thread); a decision's snapshot replaces
     * thousands of small events. Payments have a cache of their own size, so that a batch's payments,
     * loaded by its creation, are still cached when it is settled.
     */
    @Bean
    ConfigurerModule ledgerDomain(SnapshotProperties snapshots, AggregateCacheProperties caching) {
        return configurer -> LedgerDomain.configure(configurer, new LedgerDomain.Repositories() {
            @Override
            public <T> Repository<T> repositoryFor(Class<T> aggregateType, org.axonframework.config.Configuration axon) {
                int threshold = aggregateType == PayoutBatch.class ? 0 : snapshots.threshold();
                long cacheSize = aggregateType == Payment.class ? caching.paymentMaxSize() : caching.maxSize();
                return CommitCheckingRepository.of(aggregateType, axon, threshold, cacheSize);
            }
        });
    }

    /**
     * Axon logs and skips a failing event handler by default; for a ledger a silently wrong read
     * model is worse than a stopped one, so failures propagate: a subscribing handler fails its
     * command, a streaming processor stops and retries.
     */
    @Autowired
    void propagateHandlerFailures(EventProcessingConfigurer processing) {
        processing.registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }
}
