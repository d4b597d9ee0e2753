package se.benefitledger.api.admin;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Configuration;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every streaming projection (the reports) has Axon's sequenced dead-letter queue on PostgreSQL:
 * an event whose handler fails is parked with the later events of its sequence (its aggregate),
 * and the projection goes on with every other sequence. The handlers can always be dead-lettered:
 * they only compute and queue their rows, which are written when the batch commits
 * ({@code PerBatch}, {@code SqlBatch}), so a failing handler has sent no statement that could have
 * aborted the transaction the dead letter is written in. A rebuild empties the queue: the replay
 * meets the events again. Subscribing projections (the views) fail their command instead.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    static final DeadLetterSchema SCHEMA = DeadLetterSchema.builder()
                                                           .deadLetterTable("dead_letter_entry")
                                                           .deadLetterIdentifierColumn("dead_letter_id")
                                                           .processingGroupColumn("processing_group")
                                                           .sequenceIdentifierColumn("sequence_identifier")
                                                           .sequenceIndexColumn("sequence_index")
                                                           .messageTypeColumn("message_type")
                                                           .eventIdentifierColumn("event_identifier")
                                                           .timestampColumn("time_stamp")
                                                           .payloadTypeColumn("payload_type")
                                                           .payloadRevisionColumn("payload_revision")
                                                           .payloadColumn("payload")
                                                           .metaDataColumn("meta_data")
                                                           .aggregateTypeColumn("aggregate_type")
                                                           .aggregateIdentifierColumn("aggregate_identifier")
                                                           .sequenceNumberColumn("sequence_number")
                                                           .tokenTypeColumn("token_type")
                                                           .tokenColumn("token")
                                                           .enqueuedAtColumn("enqueued_at")
                                                           .lastTouchedColumn("last_touched")
                                                           .processingStartedColumn("processing_started")
                                                           .causeTypeColumn("cause_type")
                                                           .causeMessageColumn("cause_message")
                                                           .diagnosticsColumn("diagnostics")
                                                           .build();

    @Autowired
    void deadLetterQueues(EventProcessingConfigurer processing, EventProcessorProperties properties, ProjectionFailures failures,
                          ConnectionProvider connections, TransactionManager transactions, Serializer serializer,
                          @Qualifier("eventSerializer") Serializer eventSerializer) {
        Set<String> streaming = properties.getProcessors().entrySet().stream()
                                          .filter(processor -> processor.getValue().getMode() != EventProcessorProperties.Mode.SUBSCRIBING)
                                          .map(Map.Entry::getKey)
                                          .collect(Collectors.toSet());
        for (String group : streaming) {
            processing.registerDeadLetterQueue(group, configuration -> queue(group, connections, transactions, serializer, eventSerializer))
                      // Without the cache every event costs each projection a query of its queue (74,577 in the settlement of
                      // 30,000 payments). With it, a segment asks only for sequences it dead-lettered itself, or, when its queue
                      // was not empty as its node claimed it, once for each other sequence; a released segment forgets it all.
                      .registerDeadLetteringEventHandlerInvokerConfiguration(group, (configuration, builder) -> builder.allowReset(true)
                                                                                                                .enableSequenceIdentifierCache());
        }
        processing.registerDefaultErrorHandler(configuration -> failures);
    }

    private static SequencedDeadLetterQueue<EventMessage<?>> queue(String group, ConnectionProvider connections, TransactionManager transactions,
                                                                   Serializer serializer, Serializer eventSerializer) {
        return JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                                           .processingGroup(group)
                                           .connectionProvider(connections)
                                           .transactionManager(transactions)
                                           .schema(SCHEMA)
                                           .genericSerializer(serializer)
                                           .eventSerializer(eventSerializer)
                                           .build();
    }
}
