package se.benefitledger.tools.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Payday's other work: caseworker clients of 0180 (Stockholm) in a loop registering a household,
 * deciding and scheduling two payments (4 POSTs, each timed), while a sampler records the largest
 * token row of the event processors every 10 ms. Runs from {@link #start} to {@link #stop}.
 */
final class PaydayLoad {

    private static final String AUTHORIZATION = "Basic " + Base64.getEncoder().encodeToString("anna:demo".getBytes(StandardCharsets.UTF_8));
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A long run says how the ordinary commands fare while it runs, not only at its end. */
    private static final long PROGRESS_NANOS = 10_000_000_000L;

    private final String baseUrl;
    private final JdbcTemplate jdbc;
    private final int clients;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicLong persons;
    private final AtomicLong largestToken = new AtomicLong();
    private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final List<Future<?>> running = new ArrayList<>();
    private ExecutorService threads;

    /** {@code firstPerson}: the clients register synthetic persons numbered from it, each once (two loads in one run need two ranges). */
    PaydayLoad(String baseUrl, JdbcTemplate jdbc, int clients, long firstPerson) {
        this.baseUrl = baseUrl;
        this.jdbc = jdbc;
        this.clients = clients;
        this.persons = new AtomicLong(firstPerson);
    }

    void start() {
        threads = Executors.newFixedThreadPool(clients + 1);
        running.add(threads.submit(() -> {
            long started = System.nanoTime();
            long reported = started;
            while (!stop.get()) {
                Long size = jdbc.queryForObject("SELECT coalesce(max(octet_length(token)), 0) FROM token_entry", Long.class);
                largestToken.accumulateAndGet(size == null ? 0 : size, Math::max);
                if (System.nanoTime() - reported > PROGRESS_NANOS) {
                    reported = System.nanoTime();
                    var sofar = latencies();
                    System.out.printf("payday load after %.0f s: %,d commands, %s, largest token row %,d bytes%n", (reported - started) / 1e9,
                            sofar.count(), sofar, largestToken.get());
                }
                Thread.sleep(10);
            }
            return null;
        }));
        for (int c = 0; c < clients; c++) {
            running.add(threads.submit(() -> {
                while (!stop.get()) {
                    CaseworkerRound.run(this::post, "0180", persons.getAndIncrement(), YearMonth.now(), YearMonth.now().plusMonths(1).atDay(25));
                }
                return null;
            }));
        }
    }

    /** Stops the clients and the sampler; throws the first failed request. */
    void stop() throws Exception {
        stop.set(true);
        try {
            for (var future : running) {
                future.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    Latencies latencies() {
        return Latencies.of(latencies);
    }

    long largestToken() {
        return largestToken.get();
    }

    private String post(String path, String body, String idField) throws Exception {
        long started = System.nanoTime();
        var response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", AUTHORIZATION)
                                            .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                                            .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        latencies.add(System.nanoTime() - started);
        if (response.statusCode() != 201) {
            failures.add("POST " + path + " answered " + response.statusCode() + " " + response.body());
            throw new IllegalStateException(failures.peek());
        }
        return JSON.readTree(response.body()).get(idField).asText();
    }
}
