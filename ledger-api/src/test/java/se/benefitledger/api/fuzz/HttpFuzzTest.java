package se.benefitledger.api.fuzz;

import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.benefitledger.api.report.NaiveReportChecks;
import se.benefitledger.api.support.Http;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.Municipalities;
import se.benefitledger.api.support.Projections;
import se.benefitledger.api.support.Users;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.fail;

/**
 * A seeded HTTP fuzzer: valid requests of the whole contract, moving a ledger of its own forward,
 * interleaved with the same requests spoilt one way each (types, lengths, control and bidi
 * characters, invalid UTF-8, dates beyond the bounds, huge numbers, other municipalities' ids,
 * missing, null, duplicated and unknown fields, content types, credentials, oversized bodies).
 * Requests run one at a time, and after each: no 5xx; no stack trace, SQL or personnummer in the
 * answer; the status the contract names; after a 4xx the event store and the PII vault are as they
 * were. At the end every projection is RUNNING and caught up, and every report equals a naive
 * computation over what the ledger accepted.
 * <p>
 * {@code -Dfuzz.seed=N} (default {@value #DEFAULT_SEED}) and {@code -Dfuzz.requests=N} (default
 * {@value #DEFAULT_REQUESTS}; {@code -Pfuzz-long} sends 100,000). A failure names the seed and the
 * request's number and shows the request; the same seed sends the same requests again.
 */
@LedgerApiTest
class HttpFuzzTest {

    static final long DEFAULT_SEED = 20_261_202L;
    static final int DEFAULT_REQUESTS = 800;
    private static final int SHOWN_FAILURES = 40;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    ApplicationContext context;

    private final List<String> failures = new ArrayList<>();
    private long seed;

    /** What a 4xx must leave as it was: the event store's last event and the number of PII vault subjects. */
    private record Store(long lastEvent, long subjects) {
    }

    private record Timed(long millis, String request) implements Comparable<Timed> {
        @Override
        public int compareTo(Timed other) {
            return millis != other.millis ? Long.compare(millis, other.millis) : request.compareTo(other.request);
        }

        @Override
        public String toString() {
            return millis + " ms " + request;
        }
    }

    @Test
    void everyAnswerKeepsTheContractsPropertiesAndTheReportsStayRight() {
        seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
        int requests = Integer.getInteger("fuzz.requests", DEFAULT_REQUESTS);
        System.out.printf("HTTP fuzzer: seed %d, %d requests (-Dfuzz.seed=%d -Dfuzz.requests=%d reproduces)%n", seed, requests, seed, requests);
        var random = new Random(seed);
        var model = new LedgerModel(random, List.of(Municipalities.fresh(), Municipalities.fresh()));
        var mutator = new Mutator(random, model);
        var answers = new Answers(model);
        var statuses = new TreeMap<Integer, Integer>();
        Instant start = Instant.now();
        var slowest = new TreeSet<Timed>();
        var time = new TreeMap<String, long[]>();

        long firstEvent = store().lastEvent();
        var restricted = mutator.valid(model.household("0488", Users.ANNA), "fuzz-" + seed + "-setup");
        model.restrictedHousehold = UUID.fromString(restricted.send(port).json("$.householdId"));
        Store store = store();
        FuzzRequest lastPost = null;
        Http.Response lastPostAnswer = null;
        Template lastPostTemplate = null;
        for (int n = 1; n <= requests; n++) {
            String key = "fuzz-" + seed + "-" + n;
            FuzzRequest request;
            Template template = null;
            int roll = random.nextInt(100);
            if (n == requests / 2 || n % 25_000 == 0) {
                request = mutator.oversized(key);
            } else if (roll < 4 && lastPost != null) {
                request = lastPost.with("replay", Expectation.exactly(lastPostAnswer.status()));
            } else if (roll < 6 && lastPostTemplate != null) {
                var reused = mutator.mutate(lastPostTemplate, lastPost.headers().get("Idempotency-Key"));
                // spoilt in a header only, the body is the original's: the same key and body are a replay, or refused
                request = Arrays.equals(reused.body(), lastPost.body()) && reused.user() == lastPost.user()
                        ? reused.with("reused Idempotency-Key, same body", Expectation.ANY)
                        : reused.with("reused Idempotency-Key", Expectation.REFUSED);
            } else if (roll < 40) {
                template = model.next();
                request = mutator.valid(template, key);
            } else {
                request = mutator.mutate(model.anyOperation(), key);
            }

            long sent = System.nanoTime();
            Http.Response response = request.send(port);
            long answered = System.nanoTime();
            slowest.add(new Timed((answered - sent) / 1_000_000, "#" + n + " " + request.operation() + " / " + request.mutation()));
            time.merge(kind(request, response), new long[]{answered - sent, 1}, (sum, one) -> new long[]{sum[0] + one[0], sum[1] + 1});
            if (slowest.size() > 5) {
                slowest.pollFirst();
            }
            statuses.merge(response.status(), 1, Integer::sum);
            var violations = new ArrayList<>(answers.violations(request, response));
            Store after = store();
            if (response.status() >= 400 && !after.equals(store)) {
                violations.add("a " + response.status() + " changed the store: " + store + " → " + after);
            }
            if (request.mutation().equals("replay")) {
                if (!response.header("Idempotent-Replayed").orElse("").equals("true") || !response.body().equals(lastPostAnswer.body())) {
                    violations.add("a replay did not answer the original " + lastPostAnswer + " with Idempotent-Replayed: true");
                }
                if (!after.equals(store)) {
                    violations.add("a replay changed the store: " + store + " → " + after);
                }
            } else if (request.mutation().startsWith("reused Idempotency-Key") && response.status() < 300) {
                if (!response.header("Idempotent-Replayed").orElse("").equals("true") || response.status() != lastPostAnswer.status()
                        || !response.body().equals(lastPostAnswer.body())) {
                    violations.add("a reused key was accepted, not replayed as the original " + lastPostAnswer);
                }
                if (!after.equals(store)) {
                    violations.add("a reused key changed the store: " + store + " → " + after);
                }
            } else if (response.status() < 300) {
                // a spoilt request the ledger wrongly accepted (a violation above) still did what its valid original
                // would have done, near enough to keep the model following; its reports are no longer compared
                model.diverged |= template == null && !request.method().equals("GET");
                try {
                    request.accepted().accept(response);
                } catch (RuntimeException | AssertionError e) {
                    violations.add("an answer the model cannot follow: " + e.getMessage());
                    model.diverged = true;
                }
            }
            store = after;
            time.merge("checks", new long[]{System.nanoTime() - answered, 1}, (sum, one) -> new long[]{sum[0] + one[0], sum[1] + 1});
            if (request.method().equals("POST") && template != null) {
                lastPost = request;
                lastPostAnswer = response;
                lastPostTemplate = template;
            }
            if (!violations.isEmpty()) {
                failures.add("request #" + n + " (seed " + seed + "): " + String.join("; ", violations) + "\n  " + request
                        + "\n  answer: " + response.status() + " " + shown(response.body()));
                System.out.println("HTTP fuzzer failure: " + failures.get(failures.size() - 1));
            }
            if (n % 1_000 == 0) {
                System.out.printf("HTTP fuzzer: %d requests in %d s, statuses %s, %d failures%n", n,
                        Duration.between(start, Instant.now()).toSeconds(), statuses, failures.size());
            }
        }
        System.out.printf("HTTP fuzzer: %d requests in %d s, statuses %s; %d households, %d payments, %d batches, %d claims%n", requests,
                Duration.between(start, Instant.now()).toSeconds(), statuses, model.households.size(), model.payments.size(),
                model.batches.size(), model.claims.size());
        System.out.printf("HTTP fuzzer: slowest answers %s%n", slowest.descendingSet());
        time.forEach((kind, sum) -> System.out.printf("HTTP fuzzer: %-12s %6d requests, %6.1f ms each, %5d s in all%n", kind, sum[1],
                sum[0] / 1e6 / sum[1], sum[0] / 1_000_000_000));

        projectionsRunningAndCaughtUp();
        reportsEqualTheNaiveComputation(firstEvent, model.municipalities);
        if (model.diverged) {
            failures.add("the ledger accepted a request the model could not follow (above)");
        }
        if (!failures.isEmpty()) {
            fail("HTTP fuzzer, seed " + seed + ": " + failures.size() + " failures (reproduce with -Dfuzz.seed=" + seed
                    + " -Dfuzz.requests=" + requests + ")\n" + String.join("\n", failures.subList(0, Math.min(SHOWN_FAILURES, failures.size()))));
        }
    }

    private void projectionsRunningAndCaughtUp() {
        try {
            Projections.awaitCaughtUp(processing, jdbc);
        } catch (AssertionError e) {
            failures.add("after the run (seed " + seed + "): " + e.getMessage());
        }
        var answer = Users.ADAM.on(port).get("/api/v1/admin/projections");
        List<Map<String, Object>> projections = answer.json("$.items");
        for (var projection : projections) {
            if (!"RUNNING".equals(projection.get("status")) || !Long.valueOf(0).equals(((Number) projection.get("lag")).longValue())) {
                failures.add("after the run (seed " + seed + "), projection " + projection + " is not RUNNING and caught up");
            }
        }
    }

    /** Over what the ledger stored, read back from its events: whatever it accepted, valid or wrongly accepted, is counted. */
    private void reportsEqualTheNaiveComputation(long firstEvent, List<String> municipalities) {
        try {
            NaiveReportChecks.checkRecorded(context, firstEvent, municipalities.get(0), municipalities.get(1));
        } catch (AssertionError e) {
            failures.add("after the run (seed " + seed + "), a report differs from the naive computation: " + e.getMessage());
        }
    }

    /** Where the time goes: valid requests by method and answer, spoilt ones by answer. */
    private static String kind(FuzzRequest request, Http.Response response) {
        return (request.mutation().equals("valid") ? request.method() : "spoilt") + " " + response.status() / 100 + "xx";
    }

    private Store store() {
        return jdbc.sql("SELECT (SELECT coalesce(max(global_index), 0) FROM domain_event_entry), (SELECT count(*) FROM pii_subject)")
                   .query((row, index) -> new Store(row.getLong(1), row.getLong(2))).single();
    }

    private static String shown(String body) {
        return body.length() > 1_000 ? body.substring(0, 1_000) + "…(" + body.length() + " chars)" : body;
    }
}
