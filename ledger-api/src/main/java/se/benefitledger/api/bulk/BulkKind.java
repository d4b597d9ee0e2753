package se.benefitledger.api.bulk;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;

/** What one kind of bulk command does around its parts; a Spring bean, so that a restarted service can finish it. */
public interface BulkKind {

    /** Stored with the command; unique. */
    String name();

    /**
     * In the part's transaction, before it is sent: takes the row locks the part needs and drops
     * what no longer applies; empty when nothing is left to send.
     */
    default Optional<Object> prepare(Object part) {
        return Optional.of(part);
    }

    /** The command that completes the work, from the parts and their results (JSON, null for a part not sent), in order. */
    default Optional<Object> finish(List<Object> parts, List<JsonNode> results) {
        return Optional.empty();
    }
}
