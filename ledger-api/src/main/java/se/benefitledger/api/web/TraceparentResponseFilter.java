package se.benefitledger.api.web;

import io.micrometer.tracing.Tracer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Answers every request with the W3C {@code traceparent} of its server span, so that a client
 * (or an operator holding a response) can find the request's log lines and trace. Runs right
 * after Spring's observation filter, which continues a client's {@code traceparent} or starts a
 * trace.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class TraceparentResponseFilter extends OncePerRequestFilter {

    static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;

    TraceparentResponseFilter(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var span = tracer.currentSpan();
        if (span != null) {
            var context = span.context();
            response.setHeader(TRACEPARENT, "00-" + context.traceId() + "-" + context.spanId() + "-"
                    + (Boolean.TRUE.equals(context.sampled()) ? "01" : "00"));
        }
        chain.doFilter(request, response);
    }
}
