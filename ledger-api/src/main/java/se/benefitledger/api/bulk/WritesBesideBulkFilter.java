package se.benefitledger.api.bulk;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import se.benefitledger.api.problem.Problems;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * While bulk work runs on this node, at most {@code ledger.bulk.writes-beside-bulk} other write
 * requests are served at a time, in arrival order; the rest wait their turn (up to
 * {@code ledger.bulk.beside-bulk-wait}, then 503 with Retry-After). Without it, eight caseworkers'
 * requests took eight ninths of the CPU from a payout batch (BENCHMARKS.md, "Payday"). Reads are
 * never held back, nor is anything while no bulk work runs.
 */
public class WritesBesideBulkFilter extends OncePerRequestFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private final BulkWork work;
    private final BulkProperties properties;
    private final Semaphore turns;
    private final ObjectMapper json;
    private final Timer waits;

    WritesBesideBulkFilter(BulkWork work, BulkProperties properties, ObjectMapper json, MeterRegistry registry) {
        this.work = work;
        this.properties = properties;
        this.turns = new Semaphore(properties.writesBesideBulk(), true);
        this.json = json;
        this.waits = Timer.builder("ledger.bulk.beside.wait")
                          .description("how long write requests waited for their turn while bulk work ran on this node")
                          .register(registry);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return properties.writesBesideBulk() == 0 || !WRITES.contains(request.getMethod()) || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!work.isRunning()) {
            chain.doFilter(request, response);
            return;
        }
        long start = System.nanoTime();
        boolean turn;
        try {
            turn = turns.tryAcquire(properties.besideBulkWait().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            turn = false;
        }
        waits.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        if (!turn) {
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "busy-beside-bulk", "Busy",
                    "Bulk work runs on this node and this write waited " + properties.besideBulkWait().toMillis() + " ms for its turn"));
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            turns.release();
        }
    }
}
