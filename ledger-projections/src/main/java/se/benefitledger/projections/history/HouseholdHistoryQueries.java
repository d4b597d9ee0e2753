package se.benefitledger.projections.history;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads a household's history from the event store itself: every event through the serializer and
 * upcaster chain, in the order the ledger recorded it. {@code asOf} shows what the ledger knew at that instant.
 */
@Service
public class HouseholdHistoryQueries {

    private final JdbcClient jdbc;
    private final Configuration axon;

    HouseholdHistoryQueries(JdbcClient jdbc, Configuration axon) {
        this.jdbc = jdbc;
        this.axon = axon;
    }

    public HouseholdHistory history(UUID householdId, Instant asOf, int page, int size) {
        // Axon stores the recording instant as ISO-8601 text with milliseconds in UTC, which sorts like the instant itself
        String until = asOf == null ? "9999" : DateTimeUtils.formatInstant(asOf);
        String events = """
                FROM domain_event_entry
                WHERE aggregate_identifier IN (SELECT aggregate_id FROM history_aggregate WHERE household_id = ?) AND time_stamp <= ?""";
        long total = jdbc.sql("SELECT count(*) " + events).params(householdId, until).query(Long.class).single();
        long offset = (long) page * size;
        Serializer serializer = axon.eventSerializer();
        List<GenericDomainEventEntry<byte[]>> stored = jdbc.sql("""
                    SELECT event_identifier, type, aggregate_identifier, sequence_number, time_stamp, payload_type, payload_revision, payload, meta_data
                    """ + events + " ORDER BY global_index OFFSET ? LIMIT ?")
            .params(householdId, until, offset, size)
            .query((rs, row) -> new GenericDomainEventEntry<>(rs.getString("type"), rs.getString("aggregate_identifier"), rs.getLong("sequence_number"),
                    rs.getString("event_identifier"), rs.getString("time_stamp"), rs.getString("payload_type"), rs.getString("payload_revision"),
                    rs.getBytes("payload"), rs.getBytes("meta_data")))
            .list();
        // the same upcaster chain the event store and every processor read through, so history shows each event in its current shape
        var entries = new ArrayList<HouseholdHistory.Entry>();
        axon.upcasterChain().upcast(stored.stream().map(data -> new InitialEventRepresentation(data, serializer)))
            .forEachOrdered(event -> {
                JsonNode payload = event.getData(JsonNode.class).getData();
                MetaData metadata = event.getMetaData().getObject();
                entries.add(new HouseholdHistory.Entry(offset + entries.size() + 1, eventType(event.getType().getName()),
                        event.getAggregateType().orElse(null), event.getAggregateIdentifier().orElse(null), DateTimeUtils.formatInstant(event.getTimestamp()),
                        text(metadata, "actor"), text(metadata, "role"), text(payload, "reason"), payload));
            });
        return new HouseholdHistory(householdId, asOf == null ? null : asOf.toString(), List.copyOf(entries), page, size, total);
    }

    /** {@code se.benefitledger.core.payment.PaymentScheduledEvent} → {@code PaymentScheduled} */
    static String eventType(String payloadType) {
        String simpleName = payloadType.substring(payloadType.lastIndexOf('.') + 1);
        return simpleName.endsWith("Event") ? simpleName.substring(0, simpleName.length() - "Event".length()) : simpleName;
    }

    private static String text(JsonNode node, String field) {
        return node != null && node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static String text(MetaData metadata, String key) {
        Object value = metadata.get(key);
        return value == null ? null : value.toString();
    }
}
