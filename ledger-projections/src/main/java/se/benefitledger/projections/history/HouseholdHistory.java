package se.benefitledger.projections.history;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;

/** A household's history: its events and those of its decisions, payments and claims, oldest first. */
public record HouseholdHistory(UUID householdId, String asOf, List<Entry> items, int page, int size, long total) {

    /**
     * @param sequence position in the household's history, from 1
     * @param type     the event, e.g. {@code PaymentScheduled}
     * @param reason   the reason the event states, if it has one
     * @param data     the event as stored
     */
    public record Entry(long sequence, String type, String aggregateType, String aggregateId, String recordedAt, String actor, String role,
                        String reason, JsonNode data) {
    }
}
