package se.benefitledger.api.bulk;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class WritesBesideBulkFilterTest {

    private final BulkWork work = new BulkWork();
    private final ExecutorService requests = Executors.newCachedThreadPool();
    private final CountDownLatch finish = new CountDownLatch(1);
    private final AtomicInteger inside = new AtomicInteger();

    @AfterEach
    void stop() {
        finish.countDown();
        requests.shutdownNow();
    }

    @Test
    void servesOneWriteAtATimeBesideBulkWorkAndAnswers503WithRetryAfterToAWriteThatWaitedTooLong() throws Exception {
        var filter = filter(1, Duration.ofMillis(200));
        try (var ignored = work.begin()) {
            var first = inBackground(filter, "POST");
            awaitInside(1);

            var second = serve(filter, "POST", (request, response) -> inside.incrementAndGet());

            assertThat(second.getStatus()).isEqualTo(503);
            assertThat(second.getHeader("Retry-After")).isEqualTo("1");
            assertThat(second.getContentType()).isEqualTo("application/problem+json");
            assertThat(second.getContentAsString()).contains("/problems/busy-beside-bulk").contains("waited 200 ms");
            assertThat(inside).hasValue(1);
            finish.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        }
    }

    @Test
    void letsTheNextWriteInWhenOneFinishes() throws Exception {
        var filter = filter(1, Duration.ofSeconds(5));
        try (var ignored = work.begin()) {
            var first = inBackground(filter, "POST");
            awaitInside(1);
            var second = CompletableFuture.supplyAsync(() -> serveQuietly(filter, "PUT"), requests);
            Thread.sleep(100);
            assertThat(second).isNotDone();

            finish.countDown();

            assertThat(first.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
            assertThat(second.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        }
    }

    @Test
    void holdsNoWriteBackWhileNoBulkWorkRuns() throws Exception {
        var filter = filter(1, Duration.ofMillis(200));
        inBackground(filter, "POST");
        inBackground(filter, "POST");

        awaitInside(2);
    }

    @Test
    void neverHoldsBackAReadBesideBulkWork() throws Exception {
        var filter = filter(1, Duration.ofMillis(200));
        try (var ignored = work.begin()) {
            inBackground(filter, "POST");
            inBackground(filter, "GET");

            awaitInside(2);
        }
    }

    @Test
    void holdsNoWriteBackWhenTheLimitIsZero() throws Exception {
        var filter = filter(0, Duration.ofMillis(200));
        try (var ignored = work.begin()) {
            inBackground(filter, "POST");
            inBackground(filter, "POST");

            awaitInside(2);
        }
    }

    private WritesBesideBulkFilter filter(int turns, Duration wait) {
        return new WritesBesideBulkFilter(work, new BulkProperties(turns, wait), Jackson2ObjectMapperBuilder.json().build(), new SimpleMeterRegistry());
    }

    /** A request that stays in the chain until the test lets it finish. */
    private CompletableFuture<MockHttpServletResponse> inBackground(WritesBesideBulkFilter filter, String method) {
        return CompletableFuture.supplyAsync(() -> serveQuietly(filter, method, (request, response) -> {
            inside.incrementAndGet();
            try {
                finish.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }), requests);
    }

    private MockHttpServletResponse serveQuietly(WritesBesideBulkFilter filter, String method) {
        return serveQuietly(filter, method, (request, response) -> {
        });
    }

    private MockHttpServletResponse serveQuietly(WritesBesideBulkFilter filter, String method, FilterChain chain) {
        try {
            return serve(filter, method, chain);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static MockHttpServletResponse serve(WritesBesideBulkFilter filter, String method, FilterChain chain) throws Exception {
        var request = new MockHttpServletRequest(method, "/api/households");
        var response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }

    private void awaitInside(int requests) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (inside.get() < requests && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(inside).hasValue(requests);
    }
}
