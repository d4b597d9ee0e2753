package se.benefitledger.tools.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.benefitledger.api.LedgerApplication;
import se.benefitledger.api.eventstore.LedgerEventStorageEngine;
import se.benefitledger.api.pii.Payee;
import se.benefitledger.api.pii.PiiVault;
import se.benefitledger.api.support.Projections;
import se.benefitledger.core.decision.DecisionLine;
import se.benefitledger.core.decision.DecisionMadeEvent;
import se.benefitledger.core.decision.DecisionOutcome;
import se.benefitledger.core.decision.LineType;
import se.benefitledger.core.decision.MakeDecisionCommand;
import se.benefitledger.core.decision.SchedulePaymentCommand;
import se.benefitledger.core.household.HouseholdMember;
import se.benefitledger.core.household.HouseholdRegisteredEvent;
import se.benefitledger.core.household.MemberRole;
import se.benefitledger.core.household.RegisterHouseholdCommand;
import se.benefitledger.core.payment.CheckDigits;
import se.benefitledger.core.payment.PayeeType;
import se.benefitledger.core.payment.PaymentScheduledEvent;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.LegalBasis;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static se.benefitledger.tools.benchmark.Harness.delete;
import static se.benefitledger.tools.benchmark.Harness.seconds;
import static se.benefitledger.tools.benchmark.Harness.withBcryptDemoUsers;

/**
 * The payout issue's target, measured: creating a payout batch of N payments, downloading its bank file and settling
 * it, each as ONE request over real HTTP, against the real service (embedded PostgreSQL with
 * {@code synchronous_commit=on}) started in this JVM. Not a unit test: run it with {@code -Pbenchmark} (see
 * BENCHMARKS.md). The arguments are N (default 100,000), the clients beside the batch (default 0) and the
 * payments of a warm-up batch (default 0).
 *
 * <p>Setup (not measured) loads the N SCHEDULED payments through the command side in-process: households of one
 * decision with {@value #PAYMENTS_PER_DECISION} payments each, on {@value #THREADS} threads that each own their
 * decisions (a decision's commands are serialised anyway).
 */
public final class PayoutBatchBenchmark {

    private static final int PAYMENTS_PER_DECISION = 100;
    private static final int THREADS = 4;
    /** Distinct payees the payments go to, round robin: {@code -Dbenchmark.payees=N} in the JVM's arguments (default 10). */
    private static final int PAYEES = Integer.getInteger("benchmark.payees", 10);
    private static final MunicipalityCode MUNICIPALITY = MunicipalityCode.of("0488");
    /** The warm-up batch's: the clients' payments there are due next month, so the batch of today holds only its own. */
    private static final MunicipalityCode WARM_UP_MUNICIPALITY = MunicipalityCode.of("0180");
    /** The embedded run's database (EmbeddedPostgresConfiguration). */
    private static final String DATABASE = "benefit_ledger";
    /** Today: a settlement may not be dated more than a week ahead, so a fixed date would stop the benchmark from working. */
    private static final LocalDate PAYOUT_DATE = LocalDate.now();
    private static final BenefitMonth BENEFIT_MONTH = BenefitMonth.of(PAYOUT_DATE.getYear(), PAYOUT_DATE.getMonthValue());
    /** The demo user of the embedded run who is FINANCE in 0488 (demo.properties). */
    private static final String AUTHORIZATION = "Basic " + Base64.getEncoder().encodeToString("fredrik:demo".getBytes(StandardCharsets.UTF_8));
    private static final ObjectMapper JSON = new ObjectMapper();

    private PayoutBatchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int payments = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        boolean byBankReports = args.length > 3 && args[3].equals("bank-reports");
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        var heap = HeapSampler.start();
        Path home = Files.createTempDirectory("payout-benchmark");
        System.out.printf("payout benchmark: %,d payments settled by %s, %d cores, JDK %s, max heap %,d MB (%s), data in %s%n", payments,
                byBankReports ? "two bank reports" : "one settlement request",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(arg -> arg.startsWith("-X")).toList(), home);
        long started = System.nanoTime();
        ConfigurableApplicationContext service = null;
        int exitCode = 1;
        try {
            service = new SpringApplicationBuilder(LedgerApplication.class).profiles("embedded").run(withBcryptDemoUsers(
                    "--server.port=0",
                    "--management.server.port=0",
                    "--ledger.embedded-postgres.data-directory=" + home.resolve("postgres"),
                    "--ledger.embedded-postgres.synchronous-commit=on",
                    "--ledger.pii.dev-key-file=" + home.resolve("dev-pii-keys.properties"),
                    "--logging.level.root=WARN"));
            System.out.printf("service started in %.1f s%n", seconds(started));
            new Run(service, payments, clients, warmUp, byBankReports, heap).run();
            exitCode = 0;
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            if (service != null) {
                service.close();
            }
            delete(home);
        }
        // the service's thread pools would keep the JVM alive
        System.exit(exitCode);
    }

    private static final class Run {

        private final ConfigurableApplicationContext service;
        private final int payments;
        private final int clients;
        private final int warmUp;
        private final boolean byBankReports;
        private final HeapSampler heap;
        private final JdbcTemplate jdbc;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final String baseUrl;
        private final List<Phase> phases = new ArrayList<>();

        Run(ConfigurableApplicationContext service, int payments, int clients, int warmUp, boolean byBankReports, HeapSampler heap) {
            this.service = service;
            this.payments = payments;
            this.clients = clients;
            this.warmUp = warmUp;
            this.byBankReports = byBankReports;
            this.heap = heap;
            this.jdbc = service.getBean(JdbcTemplate.class);
            this.baseUrl = "http://localhost:" + service.getEnvironment().getProperty("local.server.port") + "/api/v1/payout-batches";
        }

        void run() throws Exception {
            if (warmUp > 0) {
                warmUp();
            }
            schedule("setup", MUNICIPALITY, payments);
            settleDown();
            var load = new PaydayLoad(serviceUrl(), jdbc, clients, 5_000_000);
            if (clients > 0) {
                System.out.printf("payday: %d clients register, decide and schedule in 0180 from before the batch until it is settled%n", clients);
                load.start();
            }

            ServerCounters before = serverCounters();
            long lastIndexBefore = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
            var gateBefore = appendGate();
            CpuSeconds cpuBefore = CpuSeconds.now();
            long batchStarted = System.nanoTime();
            var created = measure("create", () -> post("", """
                    {"municipality": "%s", "payoutDate": "%s"}""".formatted(MUNICIPALITY, PAYOUT_DATE), 201));
            String batchId = created.get("batchId").asText();
            require(created.get("paymentCount").asInt() == payments, "the batch holds " + created.get("paymentCount") + " payments");

            var file = measure("file", () -> download("/" + batchId + "/file", payments));

            var settled = byBankReports ? settleByBankReports(batchId) : settleByRequest(batchId);
            require("SETTLED".equals(settled.get("status").asText()), "the batch is " + settled.get("status"));
            require(settled.get("paymentCount").asInt() == payments, "the settled batch holds " + settled.get("paymentCount"));
            require(settled.get("rejectedCount").asInt() == rejected(payments), "rejected " + settled.get("rejectedCount"));
            if (clients > 0) {
                load.stop();
            }
            var cpu = CpuSeconds.now().minus(cpuBefore);
            double batchSeconds = seconds(batchStarted);

            report(file);
            System.out.printf("CPU over the batch's %.1f s (%d cores): this JVM %.1f core-s (the JIT's compiler threads %.1f, the collector's "
                            + "%.1f), PostgreSQL %.1f core-s%n", batchSeconds, Runtime.getRuntime().availableProcessors(), cpu.jvm(), cpu.compiler(),
                    cpu.gc(), cpu.postgres());
            if (clients > 0) {
                reportPayday(batchId, load, lastIndexBefore, gateBefore);
            }
            reportServerCounters(before);
        }

        /**
         * PostgreSQL's own counts over the batch: how many of the payment view's rows it updated in place (HOT; none of the
         * creation's can be, as it sets the indexed {@code batch_id}), and the checkpoints and WAL, which a run that
         * varies from the one before may explain. Sessions send their counts up to 10 s late, so this waits 11 s.
         */
        private void reportServerCounters(ServerCounters before) throws InterruptedException {
            Thread.sleep(11_000);
            ServerCounters after = serverCounters();
            System.out.printf("payment view: %,d rows updated by the batch, %,d of them in place (HOT)%n",
                    after.paymentUpdates() - before.paymentUpdates(), after.paymentUpdatesInPlace() - before.paymentUpdatesInPlace());
            System.out.printf("postgres from the batch's start to 11 s after it: %d checkpoints on time, %d requested (WAL full), "
                            + "%,d MB WAL, %,d full-page images%n", after.timedCheckpoints() - before.timedCheckpoints(),
                    after.requestedCheckpoints() - before.requestedCheckpoints(), (after.walBytes() - before.walBytes()) >> 20,
                    after.fullPageImages() - before.fullPageImages());
        }

        private ServerCounters serverCounters() {
            return jdbc.queryForObject("""
                            SELECT n_tup_upd, n_tup_hot_upd, c.num_timed, c.num_requested, w.wal_bytes::bigint, w.wal_fpi
                            FROM pg_stat_user_tables, pg_stat_checkpointer c, pg_stat_wal w WHERE relname = 'payment'""",
                    (rs, row) -> new ServerCounters(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)));
        }

        private record ServerCounters(long paymentUpdates, long paymentUpdatesInPlace, long timedCheckpoints, long requestedCheckpoints,
                                      long walBytes, long fullPageImages) {
        }

        /** The ordinary commands' latencies, the largest token, and every payment in every report once the projections are at the head. */
        private void reportPayday(String batchId, PaydayLoad load, long lastIndexBefore, LedgerEventStorageEngine.AppendGateFigures gateBefore)
                throws InterruptedException {
            long caughtUpStarted = System.nanoTime();
            Projections.awaitCaughtUp(service.getBean(EventProcessingConfiguration.class), JdbcClient.create(jdbc), Duration.ofMinutes(10));
            UUID batch = UUID.fromString(batchId);
            long executedOre = jdbc.queryForObject("SELECT sum(amount_ore) FROM payment WHERE batch_id = ? AND status = 'EXECUTED'", Long.class, batch);
            var reconciled = jdbc.queryForMap("SELECT executed_count, rejected_count, executed_ore FROM reconciliation_batch WHERE batch_id = ?", batch);
            long reconciledPayments = jdbc.queryForObject("SELECT count(*) FROM reconciliation_payment WHERE batch_id = ? AND in_batch", Long.class, batch);
            long spendExecuted = jdbc.queryForObject("SELECT coalesce(sum(executed_ore), 0) FROM spend_month WHERE municipality = ? AND basis = 'PAYMENT_DATE'",
                    Long.class, MUNICIPALITY.code());
            long history = jdbc.queryForObject("SELECT count(*) FROM history_aggregate h JOIN payment p ON h.aggregate_id = p.payment_id::text WHERE p.batch_id = ?",
                    Long.class, batch);
            long deadLetters = jdbc.queryForObject("SELECT count(*) FROM dead_letter_entry", Long.class);
            require(((Number) reconciled.get("executed_count")).intValue() == payments - rejected(payments), "reconciliation executed " + reconciled);
            require(((Number) reconciled.get("rejected_count")).intValue() == rejected(payments), "reconciliation rejected " + reconciled);
            require(((Number) reconciled.get("executed_ore")).longValue() == executedOre, "reconciliation executed amount " + reconciled);
            require(reconciledPayments == payments, "reconciliation holds " + reconciledPayments + " payments");
            require(spendExecuted == executedOre, "monthly spend executed " + spendExecuted + " öre, payments " + executedOre);
            require(history == payments, "history holds " + history + " payments");
            // the clients' households, decisions and payments, committed beside the batch while it held its parts' indexes open
            var besides = jdbc.queryForMap("""
                            SELECT count(*) AS stored, count(h.aggregate_id) AS in_history FROM domain_event_entry e
                            LEFT JOIN history_aggregate h ON h.aggregate_id = e.aggregate_identifier
                            WHERE e.global_index > ? AND e.payload_type IN (?, ?, ?)""", lastIndexBefore,
                    HouseholdRegisteredEvent.class.getName(), DecisionMadeEvent.class.getName(), PaymentScheduledEvent.class.getName());
            long stored = ((Number) besides.get("stored")).longValue();
            require(stored > 0 && stored == ((Number) besides.get("in_history")).longValue(), "the clients' aggregates in history: " + besides);
            require(deadLetters == 0, deadLetters + " dead letters");
            var ordinary = load.latencies();
            System.out.printf("%npayday: create + file + settle %.1f s with %d clients in 0180: %,d ordinary commands, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    phases.stream().mapToDouble(Phase::seconds).sum(), clients, ordinary.count(), ordinary.p50(), ordinary.p99(), ordinary.max());
            System.out.printf("payday: largest token row %,d bytes; projections at the head %.1f s after the settlement; peak heap used %,d MB%n",
                    load.largestToken(), seconds(caughtUpStarted), phases.stream().mapToLong(phase -> phase.heap().used()).max().orElse(0) >> 20);
            System.out.printf("payday: every payment in every report: reconciliation %,d executed + %,d rejected, monthly spend %,d öre executed, "
                            + "history %,d payments and all %,d households, decisions and payments the clients created beside the batch, 0 dead letters%n",
                    ((Number) reconciled.get("executed_count")).intValue(), ((Number) reconciled.get("rejected_count")).intValue(), spendExecuted,
                    history, stored);
            var gate = appendGate();
            long passes = gate.passes() - gateBefore.passes();
            double waited = gate.waited().minus(gateBefore.waited()).toNanos() / 1e9;
            System.out.printf("payday: %,d inserts of events came to the append gate and waited %.1f s there all together (%.2f ms each on average); "
                            + "%,d went ahead without it after waiting in vain%n",
                    passes, waited, passes == 0 ? 0 : waited * 1e3 / passes, gate.timeouts() - gateBefore.timeouts());
        }

        /** The append gate's figures (docs/bulk-commands.md) since the service started. */
        private LedgerEventStorageEngine.AppendGateFigures appendGate() {
            return ((LedgerEventStorageEngine) service.getBean(EventStorageEngine.class)).appendGate();
        }

        /**
         * The JIT compiles the HTTP paths of the batch and of the clients before the clock starts, as in a service that
         * has run for a while (the setup schedules through the command gateway): a batch of {@link #warmUp} payments in
         * {@link #WARM_UP_MUNICIPALITY} created, filed and settled while the clients run, then left alone.
         */
        private void warmUp() throws Exception {
            schedule("warm-up", WARM_UP_MUNICIPALITY, warmUp);
            long started = System.nanoTime();
            var load = new PaydayLoad(serviceUrl(), jdbc, clients, 9_000_000);
            if (clients > 0) {
                load.start();
            }
            try {
                String batchId = post("", """
                        {"municipality": "%s", "payoutDate": "%s"}""".formatted(WARM_UP_MUNICIPALITY, PAYOUT_DATE), 201).get("batchId").asText();
                download("/" + batchId + "/file", warmUp);
                post("/" + batchId + "/settlement", settlementBody(batchId), 200);
            } finally {
                if (clients > 0) {
                    load.stop();
                }
            }
            System.out.printf("warm-up: a batch of %,d payments in %s created, filed and settled with %d clients beside it in %.1f s (%,d commands)%n",
                    warmUp, WARM_UP_MUNICIPALITY, clients, seconds(started), load.latencies().count());
        }

        /**
         * Payday starts from a database at rest, as in production, not in the wake of the setup's burst: the projections
         * at the head and the tables vacuumed and analysed (autovacuum would do it at a moment of its own choosing,
         * perhaps during the batch).
         */
        private void settleDown() throws Exception {
            long started = System.nanoTime();
            Projections.awaitCaughtUp(service.getBean(EventProcessingConfiguration.class), JdbcClient.create(jdbc), Duration.ofMinutes(10));
            double caughtUp = seconds(started);
            try (var owner = service.getBean(EmbeddedPostgres.class).getDatabase("postgres", DATABASE).getConnection();
                 var vacuum = owner.createStatement()) {
                vacuum.execute("VACUUM (ANALYZE)");
            }
            System.out.printf("setup: projections at the head after %.1f s, tables vacuumed and analysed after %.1f s%n", caughtUp, seconds(started));
        }

        private String serviceUrl() {
            return "http://localhost:" + service.getEnvironment().getProperty("local.server.port");
        }

        /** {@code payments} SCHEDULED payments of the municipality, all due on the payout date, to a handful of payees (or as many as configured). */
        private void schedule(String label, MunicipalityCode municipality, int payments) throws Exception {
            var commands = service.getBean(CommandGateway.class);
            var vault = service.getBean(PiiVault.class);
            List<Payee> distinct = Stream.iterate(0, i -> i + 1).limit(PAYEES)
                                         .map(i -> new Payee("Mottagare " + i, "8327-9 " + (12_345_670 + i) + CheckDigits.luhn(Integer.toString(12_345_670 + i))))
                                         .toList();
            var ids = vault.payeeIdsFor(distinct);
            List<UUID> payees = distinct.stream().map(ids::get).toList();
            int decisions = (payments + PAYMENTS_PER_DECISION - 1) / PAYMENTS_PER_DECISION;
            var scheduled = new AtomicInteger();
            var nextDecision = new AtomicInteger();
            long started = System.nanoTime();
            System.out.printf("%s: %,d households with one decision each, %,d payments, %d threads%n", label, decisions, payments, THREADS);
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            try {
                var done = new ArrayList<Future<?>>();
                for (int t = 0; t < THREADS; t++) {
                    done.add(threads.submit(() -> {
                        for (int d = nextDecision.getAndIncrement(); d < decisions; d = nextDecision.getAndIncrement()) {
                            int first = d * PAYMENTS_PER_DECISION;
                            List<Money> amounts = Stream.iterate(first, i -> i + 1).limit(Math.min(PAYMENTS_PER_DECISION, payments - first))
                                                        .map(Run::amount).toList();
                            UUID household = UUID.randomUUID();
                            UUID decision = UUID.randomUUID();
                            commands.sendAndWait(new RegisterHouseholdCommand(household, municipality,
                                    List.of(new HouseholdMember(UUID.randomUUID(), MemberRole.APPLICANT, LocalDate.of(1980, 1, 1)))));
                            commands.sendAndWait(new MakeDecisionCommand(household, decision, BENEFIT_MONTH, DecisionOutcome.GRANTED,
                                    LegalBasis.SOL_2025_12_1,
                                    List.of(new DecisionLine(LineType.NORM, amounts.stream().reduce(Money.ZERO, Money::plus))), List.of(),
                                    PAYOUT_DATE.withDayOfMonth(1).minusDays(10)));
                            for (int i = 0; i < amounts.size(); i++) {
                                commands.sendAndWait(new SchedulePaymentCommand(decision, UUID.randomUUID(), amounts.get(i), PAYOUT_DATE,
                                        PayeeType.HOUSEHOLD, payees.get((first + i) % PAYEES), null));
                                int count = scheduled.incrementAndGet();
                                if (count % Math.max(1, payments / 10) == 0) {
                                    System.out.printf("%s: %,d / %,d payments scheduled, %.0f s, %,.0f payments/s%n", label, count, payments,
                                            seconds(started), count / seconds(started));
                                }
                            }
                        }
                        return null;
                    }));
                }
                for (var future : done) {
                    future.get();
                }
            } finally {
                threads.shutdown();
            }
            System.out.printf("%s done: %,d payments in %.1f s (%,d events in the store)%n", label, scheduled.get(), seconds(started), events());
        }

        private static Money amount(int i) {
            return Money.ofOre(50_000 + (i * 7_919L) % 500_000);
        }

        private JsonNode settleByRequest(String batchId) throws Exception {
            String settlement = settlementBody(batchId);
            return measure("settle", () -> post("/" + batchId + "/settlement", settlement, 200));
        }

        /**
         * The bank's answers as they come: a status report rejecting 1 payment in 100, then one accepting the whole file
         * at group level, which settles every payment still waiting. Built before the clock starts.
         */
        private JsonNode settleByBankReports(String batchId) throws Exception {
            List<UUID> ids = paymentsOf(batchId);
            String file = batchId.replace("-", "");
            var rejections = new StringBuilder(rejected(payments) * 200);
            for (int i = 0; i < ids.size(); i += 100) {
                rejections.append("<TxInfAndSts><OrgnlEndToEndId>").append(ids.get(i).toString().replace("-", ""))
                          .append("</OrgnlEndToEndId><TxSts>RJCT</TxSts><StsRsnInf><Rsn><Cd>AC04</Cd></Rsn></StsRsnInf></TxInfAndSts>\n");
            }
            String rejecting = statusReport("REJ-" + file.substring(0, 16), file, "PART",
                    "<OrgnlPmtInfAndSts><OrgnlPmtInfId>" + file + "</OrgnlPmtInfId>\n" + rejections + "</OrgnlPmtInfAndSts>");
            String accepting = statusReport("ACC-" + file.substring(0, 16), file, "ACSC", "");
            return measure("settle", () -> {
                var rejected = postXml("/" + batchId + "/bank-reports", rejecting);
                require(rejected.get("applied").asInt() == rejected(payments), "the rejections applied " + rejected);
                var accepted = postXml("/" + batchId + "/bank-reports", accepting);
                require(accepted.get("applied").asInt() == payments - rejected(payments), "the acceptance applied " + accepted);
                return JSON.readTree(http.send(request("/" + batchId).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
            });
        }

        private static String statusReport(String messageId, String file, String groupStatus, String transactions) {
            return """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03"><CstmrPmtStsRpt>
                    <GrpHdr><MsgId>%s</MsgId><CreDtTm>%sT18:00:00+01:00</CreDtTm></GrpHdr>
                    <OrgnlGrpInfAndSts><OrgnlMsgId>%s</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.03</OrgnlMsgNmId><GrpSts>%s</GrpSts></OrgnlGrpInfAndSts>
                    %s</CstmrPmtStsRpt></Document>""".formatted(messageId, PAYOUT_DATE, file, groupStatus, transactions);
        }

        private JsonNode postXml(String path, String xml) throws IOException, InterruptedException {
            var response = http.send(request(path).header("Content-Type", "application/xml").header("Idempotency-Key", UUID.randomUUID().toString())
                                                  .POST(HttpRequest.BodyPublishers.ofString(xml)).build(),
                    HttpResponse.BodyHandlers.ofString());
            require(response.statusCode() == 200, "POST " + path + " answered " + response.statusCode() + " " + response.body());
            return JSON.readTree(response.body());
        }

        private List<UUID> paymentsOf(String batchId) {
            return jdbc.queryForList("SELECT payment_id FROM payment WHERE batch_id = ?", UUID.class, UUID.fromString(batchId));
        }

        /** Every payment's result; 1 in 100 is rejected by the bank. Built before the clock starts. */
        private String settlementBody(String batchId) {
            List<UUID> ids = paymentsOf(batchId);
            var body = new StringBuilder(ids.size() * 80).append("{\"settledOn\": \"").append(PAYOUT_DATE).append("\", \"results\": [");
            for (int i = 0; i < ids.size(); i++) {
                body.append(i == 0 ? "" : ",").append("\n{\"paymentId\": \"").append(ids.get(i)).append("\", \"status\": \"")
                    .append(i % 100 == 0 ? "REJECTED\", \"reason\": \"account closed\"}" : "EXECUTED\"}");
            }
            return body.append("]}").toString();
        }

        private static int rejected(int payments) {
            return (payments + 99) / 100;
        }

        private JsonNode post(String path, String json, int expectedStatus) throws IOException, InterruptedException {
            var response = http.send(request(path).header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                                                  .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
            require(response.statusCode() == expectedStatus, "POST " + path + " answered " + response.statusCode() + " " + response.body());
            return JSON.readTree(response.body());
        }

        /** Reads the file into a counting sink; checks the count in its first KB and that it ends with the document. */
        private FileStats download(String path, int payments) throws IOException, InterruptedException {
            long started = System.nanoTime();
            var response = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            require(response.statusCode() == 200, "GET " + path + " answered " + response.statusCode());
            require(response.headers().firstValue("Content-Type").orElse("").startsWith("application/xml"), "not application/xml");
            byte[] buffer = new byte[64 * 1024];
            byte[] head = new byte[1024];
            byte[] tail = new byte[64];
            long bytes = 0;
            double firstByte = -1;
            try (InputStream in = response.body()) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    if (firstByte < 0) {
                        firstByte = seconds(started);
                    }
                    if (bytes < head.length) {
                        System.arraycopy(buffer, 0, head, (int) bytes, (int) Math.min(read, head.length - bytes));
                    }
                    int keep = Math.min(read, tail.length);
                    System.arraycopy(tail, keep, tail, 0, tail.length - keep);
                    System.arraycopy(buffer, read - keep, tail, tail.length - keep, keep);
                    bytes += read;
                }
            }
            var count = Pattern.compile("<NbOfTxs>(\\d+)</NbOfTxs>").matcher(new String(head, StandardCharsets.UTF_8));
            require(count.find() && Integer.parseInt(count.group(1)) == payments, "NbOfTxs in the file's first KB is not " + payments);
            require(new String(tail, StandardCharsets.UTF_8).trim().endsWith("</Document>"), "the file is cut short");
            return new FileStats(bytes, firstByte);
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", AUTHORIZATION).timeout(Duration.ofMinutes(30));
        }

        private <T> T measure(String name, Step<T> step) throws Exception {
            long events = events();
            // start each step from the live heap, so that its peak is its own and not the previous step's garbage
            System.gc();
            var gc = GcTotals.now();
            heap.reset();
            long started = System.nanoTime();
            T result;
            try {
                result = step.run();
            } catch (Exception e) {
                System.out.printf("%s: failed after %.1f s%n", name, seconds(started));
                throw e;
            }
            var phase = new Phase(name, seconds(started), events() - events, heap.reset(), GcTotals.now().minus(gc));
            phases.add(phase);
            System.out.printf("%s: %.1f s, %,d events, peak heap used %,d MB, after GC %,d MB, %d GCs%n", name, phase.seconds(),
                    phase.events(), phase.heap().used() >> 20, phase.heap().afterGc() >> 20, phase.gc().count());
            return result;
        }

        private long events() {
            return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        }

        private void report(FileStats file) {
            System.out.printf("%n%,d payments, max heap %,d MB%n", payments, Runtime.getRuntime().maxMemory() >> 20);
            System.out.println("| step   | seconds | events appended | peak heap used (MB) | peak after GC (MB) | GCs (pause s) |");
            System.out.println("|--------|--------:|----------------:|--------------------:|-------------------:|--------------:|");
            for (Phase phase : phases) {
                System.out.printf("| %-6s | %7.1f | %,15d | %,19d | %,18d | %4d (%5.2f)  |%n", phase.name(), phase.seconds(), phase.events(),
                        phase.heap().used() >> 20, phase.heap().afterGc() >> 20, phase.gc().count(), phase.gc().millis() / 1000.0);
            }
            System.out.printf("| total  | %7.1f | %,15d | %,19d | %,18d |               |%n", phases.stream().mapToDouble(Phase::seconds).sum(),
                    phases.stream().mapToLong(Phase::events).sum(), phases.stream().mapToLong(phase -> phase.heap().used()).max().orElse(0) >> 20,
                    phases.stream().mapToLong(phase -> phase.heap().afterGc()).max().orElse(0) >> 20);
            System.out.printf("file: %,.1f MB, first byte after %.2f s%n", file.bytes() / 1e6, file.firstByte());
        }
    }

    @FunctionalInterface
    private interface Step<T> {
        T run() throws Exception;
    }

    private record Phase(String name, double seconds, long events, HeapSampler.Peaks heap, GcTotals gc) {
    }

    private record FileStats(long bytes, double firstByte) {
    }

    private static void require(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException(failure);
        }
    }
}
