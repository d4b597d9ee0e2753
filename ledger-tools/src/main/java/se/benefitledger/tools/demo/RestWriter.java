package se.benefitledger.tools.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import se.benefitledger.core.shared.Money;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a plan to a running service through its public REST API, as the caseworker, finance
 * officer and investigator would: every rule of the API applies, nothing is written around it.
 * The server gives every household, decision, payment, batch and claim its id; the plan's ids
 * are mapped to them. Idempotency keys are derived from the plan's seed and ids, so a load that
 * was interrupted can simply be run again: what was stored is replayed, not stored twice.
 */
final class RestWriter implements PlanRunner.Writer, AutoCloseable {

    /** The users a load acts as, as {@code name:password}. */
    record Users(String caseworker, String finance, String investigator) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private final URI api;
    private final String caseworker;
    private final String finance;
    private final String investigator;
    private final String keyPrefix;
    private final ExecutorService pool;
    private final Map<UUID, String> serverIds = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();

    /** {@code api}: the service's base URL including {@code /api/v1}; {@code clients}: requests of one step in flight at once. */
    RestWriter(URI api, Users users, long seed, int clients) {
        this.api = api;
        this.caseworker = basic(users.caseworker());
        this.finance = basic(users.finance());
        this.investigator = basic(users.investigator());
        this.keyPrefix = "demo-" + seed + "-";
        this.pool = Executors.newFixedThreadPool(clients, runnable -> {
            var thread = new Thread(runnable, "demo-rest-client");
            thread.setDaemon(true);
            return thread;
        });
    }

    long requests() {
        return requests.get();
    }

    @Override
    public void register(List<PlannedHousehold> households) {
        Parallel.run(pool, households, household -> {
            var members = household.members().stream()
                    .map(member -> Map.of("personalIdentityNumber", member.number().digits(), "role", member.role().name())).toList();
            var created = post(caseworker, "/households", "household-" + household.householdId(),
                    Map.of("municipality", household.municipality().code(), "members", members));
            serverIds.put(household.householdId(), created.get("householdId").asText());
        });
    }

    @Override
    public void decide(List<PlannedDecision> decisions) {
        Parallel.run(pool, decisions, decision -> {
            var body = new LinkedHashMap<String, Object>();
            body.put("householdId", id(decision.household().householdId()));
            body.put("benefitMonth", decision.benefitMonth().toString());
            body.put("decidedOn", decision.decidedOn().toString());
            body.put("outcome", decision.outcome().name());
            body.put("legalBasis", decision.legalBasis().name());
            body.put("lines", decision.lines().stream().map(line -> Map.of("type", line.type().name(), "amount", amount(line.amount()))).toList());
            body.put("incomes", decision.incomes().stream().map(income -> Map.of("type", income.type().name(), "amount", amount(income.amount()))).toList());
            var made = post(caseworker, "/decisions", "decision-" + decision.decisionId(), body);
            serverIds.put(decision.decisionId(), made.get("decisionId").asText());
            decision.payments().forEach(this::schedule);
        });
    }

    @Override
    public void cancel(List<PlannedPayment> payments) {
        Parallel.run(pool, payments, payment -> post(caseworker, "/payments/" + id(payment.paymentId()) + "/cancellation",
                "cancellation-" + payment.paymentId(), Map.of("reason", "wrong amount, scheduled again")));
    }

    @Override
    public void schedule(List<PlannedPayment> payments) {
        Parallel.run(pool, payments, this::schedule);
    }

    @Override
    public void payout(PlanRunner.Batch batch) {
        var created = post(finance, "/payout-batches", "batch-" + batch.batchId(),
                Map.of("municipality", batch.municipality().code(), "payoutDate", batch.payoutDate().toString()));
        String batchId = created.get("batchId").asText();
        int taken = created.get("paymentCount").asInt();
        if (taken != batch.payments().size()) {
            throw new IllegalStateException("payout batch %s of %s on %s took %d payments, the plan has %d due: municipality %s has scheduled payments the demo did not make; load the demo into a municipality without them"
                    .formatted(batchId, batch.municipality().code(), batch.payoutDate(), taken, batch.payments().size(), batch.municipality().code()));
        }
        var results = batch.payments().stream().map(payment -> {
            var result = new LinkedHashMap<String, Object>();
            result.put("paymentId", id(payment.paymentId()));
            boolean rejected = payment.fate() == PlannedPayment.Fate.REJECTED;
            result.put("status", rejected ? "REJECTED" : "EXECUTED");
            result.put("reason", rejected ? "account closed" : null);
            return result;
        }).toList();
        post(finance, "/payout-batches/" + batchId + "/settlement", "settlement-" + batch.batchId(),
                Map.of("settledOn", batch.payoutDate().toString(), "results", results));
    }

    @Override
    public void returnPayments(List<PlannedPayment> payments) {
        Parallel.run(pool, payments, payment -> post(finance, "/payments/" + id(payment.paymentId()) + "/return", "return-" + payment.paymentId(),
                Map.of("returnedOn", payment.returnedOn().toString(), "reason", "account closed")));
    }

    @Override
    public void claim(List<PlannedClaim> claims) {
        Parallel.run(pool, claims, claim -> {
            for (var finding : claim.findings()) {
                post(investigator, "/payments/" + id(finding.payment().paymentId()) + "/erroneous", "finding-" + finding.payment().paymentId(),
                        Map.of("amount", amount(finding.amount()), "cause", finding.cause().name(), "note", "synthetic demo finding"));
            }
            var paymentIds = claim.findings().stream().map(finding -> id(finding.payment().paymentId())).toList();
            var created = post(investigator, "/recovery-claims", "claim-" + claim.claimId(),
                    Map.of("householdId", id(claim.householdId()), "paymentIds", paymentIds, "principal", amount(claim.principal()),
                            "ground", claim.ground().name(), "decidedOn", claim.decidedOn().toString()));
            serverIds.put(claim.claimId(), created.get("claimId").asText());
        });
    }

    @Override
    public void repay(List<PlannedRepayment> repayments) {
        // several repayments of one claim may fall in one month: each claim's go one after another
        var byClaim = new LinkedHashMap<UUID, List<PlannedRepayment>>();
        repayments.forEach(repayment -> byClaim.computeIfAbsent(repayment.claimId(), claim -> new ArrayList<>()).add(repayment));
        Parallel.run(pool, List.copyOf(byClaim.values()), ofClaim -> {
            for (int i = 0; i < ofClaim.size(); i++) {
                var repayment = ofClaim.get(i);
                post(finance, "/recovery-claims/" + id(repayment.claimId()) + "/repayments",
                        "repayment-" + repayment.claimId() + "-" + repayment.receivedOn() + "-" + i,
                        Map.of("amount", amount(repayment.amount()), "receivedOn", repayment.receivedOn().toString()));
            }
        });
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    private void schedule(PlannedPayment payment) {
        var payee = Map.of("type", payment.payeeType().name(), "name", payment.payee().name(), "account", payment.payee().account());
        var scheduled = post(caseworker, "/decisions/" + id(payment.decisionId()) + "/payments", "payment-" + payment.paymentId(),
                Map.of("amount", amount(payment.amount()), "dueDate", payment.dueDate().toString(), "payee", payee));
        serverIds.put(payment.paymentId(), scheduled.get("paymentId").asText());
    }

    private String id(UUID planned) {
        String id = serverIds.get(planned);
        if (id == null) {
            throw new IllegalStateException("the plan refers to " + planned + " before the service gave it an id");
        }
        return id;
    }

    private JsonNode post(String authorization, String path, String key, Object body) {
        try {
            var request = HttpRequest.newBuilder(URI.create(api + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", authorization)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header("Idempotency-Key", keyPrefix + key)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                    .build();
            var response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            requests.incrementAndGet();
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("POST %s answered %d: %s".formatted(path, response.statusCode(), response.body()));
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("POST " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String amount(Money money) {
        return money.toKronor().toPlainString();
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8));
    }
}
