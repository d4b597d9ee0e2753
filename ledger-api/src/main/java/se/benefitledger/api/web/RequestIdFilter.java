package se.benefitledger.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id ({@code X-Request-Id}, taken from the client when well-formed) and a
 * correlation id ({@code X-Correlation-Id}, the request id unless the client continues a
 * conversation), echoes both, and puts the request id into the log context.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

    static final String REQUEST_ID = "X-Request-Id";
    static final String CORRELATION_ID = "X-Correlation-Id";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = wellFormed(request.getHeader(REQUEST_ID)) ? request.getHeader(REQUEST_ID) : UUID.randomUUID().toString();
        String correlationId = wellFormed(request.getHeader(CORRELATION_ID)) ? request.getHeader(CORRELATION_ID) : requestId;
        LedgerRequest.start(request, requestId, correlationId);
        response.setHeader(REQUEST_ID, requestId);
        response.setHeader(CORRELATION_ID, correlationId);
        MDC.put("requestId", requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("requestId");
        }
    }

    private static boolean wellFormed(String id) {
        return id != null && WELL_FORMED.matcher(id).matches();
    }
}
