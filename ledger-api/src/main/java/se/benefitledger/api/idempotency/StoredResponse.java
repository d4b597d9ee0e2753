package se.benefitledger.api.idempotency;

import java.util.Map;

/** What a request with a key answered: replayed byte for byte to every retry. */
record StoredResponse(int status, Map<String, String> headers, byte[] body) {
}
