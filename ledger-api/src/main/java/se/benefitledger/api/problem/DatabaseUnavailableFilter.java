package se.benefitledger.api.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place where a failure a retry may overcome becomes an answer: 503 problem+json with {@code Retry-After}.
 * That is "the database is not there" ({@link DatabaseUnavailable}), and a transaction rolled back because it held
 * event store indexes too long ({@link CommitTooLate}), wherever in the request it was found — a controller, the
 * idempotency filter claiming or committing its key, the access log, a scope check — since every one of them lets the
 * failure travel up to here ({@link ProblemDetailsAdvice} passes it on). Runs inside the filters that name the request
 * (request id, correlation id, traceparent), whose headers the answer keeps; whatever the failed request had set
 * besides is dropped.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    private final ObjectMapper json;

    DatabaseUnavailableFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, List<String>> namingHeaders = headers(response);
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            boolean unavailable = DatabaseUnavailable.isCause(e);
            if (!unavailable && !CommitTooLate.isCause(e) || response.isCommitted()) {
                throw e;
            }
            if (unavailable) {
                log.warn("Database unavailable, answered 503: {}", DatabaseUnavailable.describe(e));
            }
            response.reset();
            namingHeaders.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), unavailable ? DatabaseUnavailable.problem() : CommitTooLate.problem());
        }
    }

    private static Map<String, List<String>> headers(HttpServletResponse response) {
        var headers = new LinkedHashMap<String, List<String>>();
        for (String name : response.getHeaderNames()) {
            headers.put(name, new ArrayList<>(response.getHeaders(name)));
        }
        return headers;
    }
}
