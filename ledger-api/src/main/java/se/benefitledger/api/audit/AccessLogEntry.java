package se.benefitledger.api.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One data subject shown by one answer. {@code subjectKind} PERSON (found by personnummer) or PAYEE;
 * {@code purpose} what was shown (see {@code PiiAccessLog.Purpose}); {@code endpoint} method and path as called.
 */
public record AccessLogEntry(Instant accessedAt, String actor, String role, UUID subjectId, String subjectKind, String purpose,
                             String endpoint, String correlationId, String requestId, String municipality) {
}
