package se.benefitledger.api.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import se.benefitledger.core.shared.MunicipalityCode;

import java.util.Optional;

/**
 * What the ledger knows about the HTTP request being served: its ids, the idempotency key, and
 * the municipality of the object it acts on. These become the metadata of every event the request
 * causes (see {@code EventMetadataConfiguration}).
 */
public final class LedgerRequest {

    private static final String ATTRIBUTE = LedgerRequest.class.getName();

    private final String requestId;
    private final String correlationId;
    private String idempotencyKey;
    private byte[] retryIdentity;
    private MunicipalityCode municipality;

    LedgerRequest(String requestId, String correlationId) {
        this.requestId = requestId;
        this.correlationId = correlationId;
    }

    static LedgerRequest start(HttpServletRequest request, String requestId, String correlationId) {
        var ledgerRequest = new LedgerRequest(requestId, correlationId);
        request.setAttribute(ATTRIBUTE, ledgerRequest);
        return ledgerRequest;
    }

    public static Optional<LedgerRequest> current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return Optional.ofNullable((LedgerRequest) attributes.getRequest().getAttribute(ATTRIBUTE));
        }
        return Optional.empty();
    }

    public static Optional<LedgerRequest> of(HttpServletRequest request) {
        return Optional.ofNullable((LedgerRequest) request.getAttribute(ATTRIBUTE));
    }

    public String requestId() {
        return requestId;
    }

    public String correlationId() {
        return correlationId;
    }

    public Optional<String> idempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
    }

    /**
     * The request's key, as the idempotency filter accepted it (1 to 255 printable ASCII characters), and what
     * identifies the request under it (a SHA-256 of key, caller, method, path and body): the same for a retry of it,
     * different for any other request.
     */
    public void idempotency(String key, byte[] retryIdentity) {
        this.idempotencyKey = key;
        this.retryIdentity = retryIdentity.clone();
    }

    public Optional<byte[]> retryIdentity() {
        return Optional.ofNullable(retryIdentity).map(byte[]::clone);
    }

    public Optional<MunicipalityCode> municipality() {
        return Optional.ofNullable(municipality);
    }

    public void actingIn(MunicipalityCode municipality) {
        this.municipality = municipality;
    }
}
