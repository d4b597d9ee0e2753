package se.benefitledger.api.idempotency;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a request with a key answered: replayed byte for byte to every retry (unless a subject it showed was erased
 * meanwhile, see {@link IdempotencyStore#redact}). {@code subjectIds}: the vault subjects whose data it contains.
 */
record StoredResponse(int status, Map<String, String> headers, byte[] body, Set<UUID> subjectIds) {
}
