package se.benefitledger.api.bulk;

import java.time.Instant;
import java.util.UUID;

/** A bulk command as the API shows it: RUNNING (being run, or waiting to be resumed), COMPLETED or FAILED. */
public record BulkCommandView(UUID commandId, String kind, UUID targetId, String municipality, String status, int parts, int partsDone,
                              String error, Instant startedAt, Instant updatedAt) {
}
