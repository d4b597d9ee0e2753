package se.benefitledger.projections.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.DateTimeUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import se.benefitledger.projections.json.LedgerJson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads a household's history from the event store itself: every event, unchanged, in the order
 * the ledger recorded it. {@code asOf} shows what the ledger knew at that instant.
 */
@Service
public class HouseholdHistoryQueries {

    private static final ObjectMapper JSON = LedgerJson.eventObjectMapper();
    private final JdbcClient jdbc;

    HouseholdHistoryQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public HouseholdHistory history(UUID householdId, Instant asOf, int page, int size) {
        // Axon stores the recording instant as ISO-8601 text with milliseconds in UTC, which sorts like the instant itself
        String until = asOf == null ? "9999" : DateTimeUtils.formatInstant(asOf);
        String events = """
                FROM domain_event_entry
                WHERE aggregate_identifier IN (SELECT aggregate_id FROM history_aggregate WHERE household_id = ?) AND time_stamp <= ?""";
        long total = jdbc.sql("SELECT count(*) " + events).params(householdId, until).query(Long.class).single();
        long offset = (long) page * size;
        var entries = new ArrayList<HouseholdHistory.Entry>();
        jdbc.sql("""
                    SELECT type, aggregate_identifier, payload_type, time_stamp, convert_from(payload, 'UTF8') AS payload,
                           convert_from(meta_data, 'UTF8') AS meta_data
                    """ + events + " ORDER BY global_index OFFSET ? LIMIT ?")
            .params(householdId, until, offset, size)
            .query(rs -> {
                JsonNode payload = read(rs.getString("payload"));
                JsonNode metadata = read(rs.getString("meta_data"));
                entries.add(new HouseholdHistory.Entry(offset + entries.size() + 1, eventType(rs.getString("payload_type")), rs.getString("type"),
                        rs.getString("aggregate_identifier"), rs.getString("time_stamp"), text(metadata, "actor"), text(metadata, "role"),
                        text(payload, "reason"), payload));
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

    private static JsonNode read(String json) {
        try {
            return json == null ? null : JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored event", e);
        }
    }
}
