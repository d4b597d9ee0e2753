package se.benefitledger.tools.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.benefitledger.api.LedgerApplication;
import se.benefitledger.api.pii.PiiVault;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.projections.balances.RecoveryBalanceQueries;
import se.benefitledger.projections.duration.DurationQueries;
import se.benefitledger.projections.reconciliation.ReconciliationQueries;
import se.benefitledger.projections.spend.MonthlySpendQueries;
import se.benefitledger.projections.spend.SpendBasis;
import se.benefitledger.tools.bulk.HouseholdBulkCommands;
import se.benefitledger.tools.demo.CommandSideWriter;
import se.benefitledger.tools.demo.PlanRunner;
import se.benefitledger.tools.demo.Scale;
import se.benefitledger.tools.demo.SyntheticPlan;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static se.benefitledger.tools.benchmark.Harness.delete;
import static se.benefitledger.tools.benchmark.Harness.seconds;
import static se.benefitledger.tools.benchmark.Harness.withBcryptDemoUsers;

/**
 * Issue 7's benchmark: the real service in this JVM on a fresh embedded PostgreSQL
 * ({@code synchronous_commit=on}), measured against the machine's own limits in the same run.
 * <ol>
 * <li>load: a synthetic plan (default: national, 2025) through the command side, month by month;</li>
 * <li>reports: p50/p99 of each report over HTTP once the projections caught up, for the largest municipality;</li>
 * <li>rebuild: all six report projections replayed at once, events in the store per second;</li>
 * <li>REST commands: 16 clients registering households, making decisions and scheduling payments over loopback HTTP, from a
 * load generator in a JVM of its own ({@link CommandLoad});</li>
 * <li>limits, with plain JDBC: COPY of a month's number of event rows, a scan of the event table decoding every payload,
 * single-row commits from 16 clients; the reports' own queries called without HTTP;</li>
 * <li>the peak heap of this JVM (service, harness and plan alike).</li>
 * </ol>
 * Prints one table; with {@code --write} replaces the marked section of BENCHMARKS.md. Run it with {@code -Pledger-benchmark}
 * (see BENCHMARKS.md); options: {@code --size S|M|L|NATIONAL --months 2025-01..2025-12 --seed 1 --report-requests 200
 * --rest-clients 16 --rest-seconds 30 --threads 2 --write --benchmarks-file ../BENCHMARKS.md}.
 */
public final class LedgerBenchmark {

    static final String BEGIN = "<!-- ledger-benchmark:begin -->";
    static final String END = "<!-- ledger-benchmark:end -->";
    private static final List<String> PROJECTIONS = List.of("monthly-spend", "duration-buckets", "recovery-balances", "reconciliation",
            "household-history", "recovered-cash");
    private static final ObjectMapper JSON = new ObjectMapper();

    record Options(Scale size, YearMonth from, YearMonth to, long seed, int reportRequests, int restClients, double restSeconds, int threads,
                   boolean write, Path benchmarksFile) {

        static Options parse(String... args) {
            var values = new LinkedHashMap<String, String>();
            for (int i = 0; i < args.length; i++) {
                if (!args[i].startsWith("--")) {
                    throw new IllegalArgumentException("not an option: " + args[i]);
                }
                boolean flag = i + 1 == args.length || args[i + 1].startsWith("--");
                values.put(args[i].substring(2), flag ? "true" : args[++i]);
            }
            String[] months = values.getOrDefault("months", "2025-01..2025-12").split("\\.\\.");
            var options = new Options(Scale.valueOf(values.getOrDefault("size", "NATIONAL").toUpperCase(Locale.ROOT)),
                    YearMonth.parse(months[0]), YearMonth.parse(months[months.length - 1]),
                    Long.parseLong(values.getOrDefault("seed", Long.toString(SyntheticPlan.DEFAULT_SEED))),
                    Integer.parseInt(values.getOrDefault("report-requests", "200")), Integer.parseInt(values.getOrDefault("rest-clients", "16")),
                    Double.parseDouble(values.getOrDefault("rest-seconds", "30")), Integer.parseInt(values.getOrDefault("threads", "2")),
                    Boolean.parseBoolean(values.getOrDefault("write", "false")), Path.of(values.getOrDefault("benchmarks-file", "../BENCHMARKS.md")));
            values.keySet().removeAll(List.of("size", "months", "seed", "report-requests", "rest-clients", "rest-seconds", "threads", "write",
                    "benchmarks-file"));
            if (!values.isEmpty()) {
                throw new IllegalArgumentException("unknown options: " + values.keySet());
            }
            return options;
        }
    }

    /** A line of the table: what was measured, our figure, the limit's, their ratio, the target and whether it is met. */
    record Row(String measure, String ours, String limit, String ratio, String target, String met) {
    }

    private LedgerBenchmark() {
    }

    public static void main(String[] args) {
        int exitCode = 1;
        try {
            run(Options.parse(args));
            exitCode = 0;
        } catch (Exception e) {
            e.printStackTrace();
        }
        // the service's thread pools would keep the JVM alive
        System.exit(exitCode);
    }

    static List<Row> run(Options options) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        var heap = HeapSampler.start();
        Path home = Files.createTempDirectory("ledger-benchmark");
        String machine = commit() + "; " + machine();
        System.out.printf("ledger benchmark: %s%n", machine);
        long started = System.nanoTime();
        ConfigurableApplicationContext service = null;
        try {
            service = new SpringApplicationBuilder(LedgerApplication.class, HouseholdBulkCommands.class).profiles("embedded").run(withBcryptDemoUsers(
                    "--server.port=0",
                    "--management.server.port=0",
                    "--ledger.embedded-postgres.data-directory=" + home.resolve("postgres"),
                    "--ledger.embedded-postgres.synchronous-commit=on",
                    "--ledger.pii.dev-key-file=" + home.resolve("dev-pii-keys.properties"),
                    "--logging.level.root=WARN",
                    // how the rebuild's projections shared their read of the store
                    "--logging.level.se.benefitledger.api.eventstore.ReplayConvoy=INFO"));
            System.out.printf("service started in %.1f s, data in %s%n", seconds(started), home);
            var rows = new Run(service, options, heap).run();
            if (options.write()) {
                write(options, rows, machine);
            }
            return rows;
        } finally {
            if (service != null) {
                service.close();
            }
            delete(home);
        }
    }

    private static final class Run {

        private final ConfigurableApplicationContext service;
        private final Options options;
        private final HeapSampler heap;
        private final JdbcClient jdbc;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final int port;
        private final String baseUrl;
        private final SyntheticPlan plan;
        private final MunicipalityCode reported;
        private final List<Row> rows = new ArrayList<>();

        Run(ConfigurableApplicationContext service, Options options, HeapSampler heap) {
            this.service = service;
            this.options = options;
            this.heap = heap;
            this.jdbc = service.getBean(JdbcClient.class);
            this.port = Integer.parseInt(service.getEnvironment().getRequiredProperty("local.server.port"));
            this.baseUrl = "http://localhost:" + port;
            this.plan = SyntheticPlan.of(options.seed(), options.size(), options.from(), options.to());
            this.reported = plan.shares().stream().max(Comparator.comparingInt(SyntheticPlan.Share::households)).orElseThrow().municipality();
        }

        List<Row> run() throws Exception {
            load();
            catchUp("after the load");
            reports();
            rebuild();
            restCommands();
            heapRow();
            printTable();
            return rows;
        }

        /** The plan through the command side, month by month; a month's figures include its projections' interference. */
        private void load() throws Exception {
            System.out.printf("%nload: %s through the command side, %d threads%n", plan, options.threads());
            var writer = new CommandSideWriter(service.getBean(CommandGateway.class), service.getBean(PiiVault.class), options.threads());
            var timed = new TimedWriter(writer);
            var runner = new PlanRunner(plan, timed, options.threads());
            long totalEvents = 0;
            double totalSeconds = 0;
            double slowest = 0;
            var progress = Executors.newSingleThreadScheduledExecutor(runnable -> {
                var thread = new Thread(runnable, "benchmark-progress");
                thread.setDaemon(true);
                return thread;
            });
            long loadStarted = System.nanoTime();
            progress.scheduleAtFixedRate(() -> System.out.printf("  … %,d commands, %,d events, %.0f s, heap %,d MB%n", writer.commands(), head(),
                    seconds(loadStarted), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20), 15, 15, TimeUnit.SECONDS);
            // gaps that bulk commands' blocks leave in the projections' tokens show as token size; sampled as in the payday benchmark
            var largestToken = new AtomicLong();
            progress.scheduleWithFixedDelay(() -> largestToken.accumulateAndGet(largestTokenRow(), Math::max), 0, 10, TimeUnit.MILLISECONDS);
            try (writer) {
                for (YearMonth month : plan.months()) {
                    long before = head();
                    long monthStarted = System.nanoTime();
                    runner.run(month);
                    double secs = seconds(monthStarted);
                    long events = head() - before;
                    totalEvents += events;
                    totalSeconds += secs;
                    slowest = Math.max(slowest, secs);
                    var steps = new StringBuilder();
                    timed.takeSeconds().forEach((step, s) -> steps.append(String.format(" %s %.1f", step, s)));
                    System.out.printf("%s: %,9d events in %6.1f s = %,7.0f events/s; step seconds (all threads):%s; heap %,d MB; largest token row %,d bytes%n",
                            month, events, secs, events / secs, steps, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20,
                            largestToken.getAndSet(0));
                }
            } finally {
                progress.shutdownNow();
            }
            int months = plan.months().size();
            long monthEvents = totalEvents / months;
            System.out.printf("load done: %,d events in %.1f s (%,.0f events/s), %,d commands; %s%n", totalEvents, totalSeconds,
                    totalEvents / totalSeconds, writer.commands(), counts());
            var limits = RawLimits.asOwner(service);
            var copy = limits.copy(monthEvents);
            System.out.printf("limit: COPY of %,d event rows in %.1f s = %,.0f rows/s%n", copy.rows(), copy.seconds(), copy.perSecond());
            double perSecond = totalEvents / totalSeconds;
            double monthSeconds = totalSeconds / months;
            rows.add(new Row("load: " + plan.size() + " month (" + months + " months of " + plan.from().getYear() + ", mean)",
                    String.format("%,.0f events/s; %,d events in %.1f s (slowest month %.1f s)", perSecond, monthEvents, monthSeconds, slowest),
                    String.format("COPY %,.0f rows/s", copy.perSecond()), ratio(perSecond / copy.perSecond()),
                    "< 60 s a national month", plan.size().equals("NATIONAL") ? met(monthSeconds < 60, monthSeconds, 60, "s") : "n/a (not national)"));
        }

        private void catchUp(String when) throws Exception {
            long started = System.nanoTime();
            awaitProjections();
            System.out.printf("projections caught up %s in %.1f s%n", when, seconds(started));
        }

        /** Each report for the largest municipality, over HTTP as the REPORTING user, then its query without HTTP. */
        private void reports() throws Exception {
            String code = reported.code();
            LocalDate firstPayout = options.from().minusMonths(1).atDay(1);
            LocalDate lastPayout = options.to().atEndOfMonth();
            var spend = service.getBean(MonthlySpendQueries.class);
            var duration = service.getBean(DurationQueries.class);
            var balances = service.getBean(RecoveryBalanceQueries.class);
            var reconciliation = service.getBean(ReconciliationQueries.class);
            report("monthly-spend", "/api/v1/reports/monthly-spend?municipality=%s&from=%s&to=%s".formatted(code, options.from(), options.to()),
                    () -> spend.report(reported, SpendBasis.BENEFIT_MONTH, options.from(), options.to()));
            report("duration-buckets", "/api/v1/reports/duration-buckets?municipality=%s&month=%s".formatted(code, options.to()),
                    () -> duration.rolling(reported, options.to()));
            report("recovery-balances", "/api/v1/reports/recovery-balances?municipality=%s".formatted(code),
                    () -> balances.report(reported, null, null, null, 0, 50));
            report("reconciliation", "/api/v1/reports/reconciliation?municipality=%s&from=%s&to=%s".formatted(code, firstPayout, lastPayout),
                    () -> reconciliation.report(reported, firstPayout, lastPayout, 0, 50));
        }

        private void report(String name, String path, Callable<?> query) throws Exception {
            int warmUp = Math.max(5, options.reportRequests() / 10);
            for (int i = 0; i < warmUp; i++) {
                get(path, "rut");
                query.call();
            }
            // one after the other, so that both see the machine as it is then (right after a load it is still busy)
            var overHttp = new ArrayList<Long>();
            var inProcess = new ArrayList<Long>();
            for (int i = 0; i < options.reportRequests(); i++) {
                long started = System.nanoTime();
                get(path, "rut");
                overHttp.add(System.nanoTime() - started);
                started = System.nanoTime();
                query.call();
                inProcess.add(System.nanoTime() - started);
            }
            var ours = Latencies.of(overHttp);
            var limit = Latencies.of(inProcess);
            System.out.printf("report %s (%s, %d requests): %s over HTTP; its query without HTTP %s%n", name, reported, ours.count(), ours, limit);
            rows.add(new Row("report " + name + " (" + reported.name() + "), p50 / p99", String.format("%.1f / %.1f ms", ours.p50(), ours.p99()),
                    String.format("query without HTTP %.1f / %.1f ms", limit.p50(), limit.p99()), ratio(ours.p99() / limit.p99()), "p99 < 50 ms",
                    met(ours.p99() < 50, ours.p99(), 50, "ms")));
        }

        /** All the report projections reset at once and replayed to the head: events in the store per second. */
        private void rebuild() throws Exception {
            long events = jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
            var gc = GcTotals.now();
            var cpu = CpuSeconds.now();
            double wokenBefore = coordinatorsWoken();
            long started = System.nanoTime();
            for (String projection : PROJECTIONS) {
                post("/api/v1/admin/projections/" + projection + "/rebuild", "", "adam", 202);
            }
            awaitProjections();
            double secs = seconds(started);
            var gcDuring = GcTotals.now().minus(gc);
            var cpuDuring = CpuSeconds.now().minus(cpu);
            System.out.printf("rebuild: %,d events in %.1f s = %,.0f events/s (%d GCs, %.1f s of pauses); CPU: JVM %.1f core-s (JIT %.1f, GC %.1f), "
                              + "PostgreSQL %.1f core-s; coordinators woken for room %,.0f times%n", events, secs, events / secs, gcDuring.count(),
                    gcDuring.millis() / 1000.0, cpuDuring.jvm(), cpuDuring.compiler(), cpuDuring.gc(), cpuDuring.postgres(),
                    coordinatorsWoken() - wokenBefore);
            var scan = RawLimits.asOwner(service).scan();
            System.out.printf("limit: scan of %,d events with JSON decoding in %.1f s = %,.0f events/s%n", scan.rows(), scan.seconds(),
                    scan.perSecond());
            double perSecond = events / secs;
            rows.add(new Row("rebuild: " + PROJECTIONS.size() + " projections at once, " + String.format("%,d", events) + " events",
                    String.format("%,.0f events/s (%.1f s)", perSecond, secs), String.format("scan + JSON %,.0f events/s", scan.perSecond()),
                    ratio(perSecond / scan.perSecond()), "≥ 50,000 events/s", met(perSecond >= 50_000, perSecond, 50_000, "events/s")));
        }

        /** The report processors' coordinator runs started as soon as their work packages had room (PooledProcessorQueues). */
        private double coordinatorsWoken() {
            return service.getBean(MeterRegistry.class).find("ledger.projection.coordinator.woken").functionCounters().stream()
                          .mapToDouble(FunctionCounter::count).sum();
        }

        /**
         * {@code restClients} clients, each in turn registering a household, making a decision and scheduling two payments,
         * every POST with a fresh Idempotency-Key, from a load generator in a process of its own ({@link CommandLoad}); then
         * the same clients' worth of single-row commits without the ledger.
         */
        private void restCommands() throws Exception {
            var load = CommandLoad.inOwnProcess(port, options.restClients(), Math.min(5, options.restSeconds() / 3), options.restSeconds());
            var ours = load.latencies();
            double perSecond = load.perSecond();
            System.out.printf("REST commands: %,d in %.1f s = %,.0f commands/s, %s (%d clients); CPU per command: service JVM %.2f ms, "
                              + "PostgreSQL %.2f ms%n", ours.count(), load.seconds(), perSecond, ours, options.restClients(), load.serviceJvmMs(),
                    load.postgresMs());
            var commits = RawLimits.asOwner(service).commits(options.restClients(), Math.min(10, options.restSeconds()));
            System.out.printf("limit: %,d single-row commits in %.1f s = %,.0f commits/s, %s%n", commits.commits(), commits.seconds(),
                    commits.perSecond(), commits.latencies());
            rows.add(new Row("REST commands, " + options.restClients() + " clients in a process of their own (register, decide, 2 × schedule)",
                    String.format("%,.0f commands/s, p99 %.1f ms; CPU per command: JVM %.2f ms, PostgreSQL %.2f ms", perSecond, ours.p99(),
                            load.serviceJvmMs(), load.postgresMs()),
                    String.format("%,.0f single-row commits/s, p99 %.1f ms", commits.perSecond(), commits.latencies().p99()),
                    ratio(perSecond / commits.perSecond()), "≥ 1,000 commands/s, p99 < 50 ms",
                    perSecond >= 1_000 && ours.p99() < 50 ? "yes" : String.format("no (%+.0f %% throughput, p99 %+.0f %%)",
                            100 * (perSecond / 1_000 - 1), 100 * (ours.p99() / 50 - 1))));
        }

        private void heapRow() {
            var peaks = heap.reset();
            long peakUsed = peaks.used();
            long peakAfterGc = peaks.afterGc();
            long max = Runtime.getRuntime().maxMemory();
            System.out.printf("peak heap: %,d MB used, %,d MB right after a collection, max heap %,d MB%n", peakUsed >> 20, peakAfterGc >> 20,
                    max >> 20);
            rows.add(new Row("peak heap of the JVM (service, harness, plan)",
                    String.format("%,d MB used, %,d MB after GC", peakUsed >> 20, peakAfterGc >> 20), String.format("-Xmx %,d MB", max >> 20),
                    ratio((double) peakUsed / max), "≤ 512 MB", met(peakUsed <= 512L << 20, peakUsed >> 20, 512, "MB")));
        }

        private void printTable() {
            System.out.println();
            System.out.println(table(rows));
        }

        private void awaitProjections() throws Exception {
            Instant deadline = Instant.now().plus(Duration.ofHours(3));
            while (Instant.now().isBefore(deadline)) {
                JsonNode items = JSON.readTree(get("/api/v1/admin/projections", "adam")).get("items");
                boolean caughtUp = items.size() == PROJECTIONS.size();
                for (JsonNode item : items) {
                    if (item.get("status").asText().equals("ERROR")) {
                        throw new IllegalStateException("projection " + item.get("name").asText() + " failed");
                    }
                    caughtUp &= item.get("status").asText().equals("RUNNING") && item.get("lag").isNumber() && item.get("lag").asLong() == 0;
                }
                if (caughtUp) {
                    return;
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("projections did not catch up in 3 hours");
        }

        private long largestTokenRow() {
            return jdbc.sql("SELECT coalesce(max(octet_length(token)), 0) FROM token_entry").query(Long.class).single();
        }

        private long head() {
            return jdbc.sql("SELECT coalesce(max(global_index), 0) FROM domain_event_entry").query(Long.class).single();
        }

        private String counts() {
            return jdbc.sql("""
                            SELECT (SELECT count(*) FROM household) AS households, (SELECT count(*) FROM decision) AS decisions,
                                   (SELECT count(*) FROM payment) AS payments, (SELECT count(*) FROM payout_batch) AS batches,
                                   (SELECT count(*) FROM recovery_claim) AS claims""")
                       .query((rs, row) -> String.format("%,d households, %,d decisions, %,d payments, %,d payout batches, %,d recovery claims",
                               rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                       .single();
        }

        private String get(String path, String user) throws IOException, InterruptedException {
            var response = http.send(request(path, user).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + " " + response.body());
            }
            return response.body();
        }

        private void post(String path, String body, String user, int expected) throws IOException, InterruptedException {
            var response = http.send(request(path, user).header("Content-Type", "application/json")
                                                        .header("Idempotency-Key", UUID.randomUUID().toString())
                                                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + " " + response.body());
            }
        }

        private HttpRequest.Builder request(String path, String user) {
            return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofMinutes(5))
                              .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
    }

    static String table(List<Row> rows) {
        var table = new StringBuilder();
        table.append("| measure | ours | limit, same run | ours / limit | target | met |\n");
        table.append("|---|---|---|---:|---|---|\n");
        for (Row row : rows) {
            table.append("| ").append(String.join(" | ", row.measure(), row.ours(), row.limit(), row.ratio(), row.target(), row.met())).append(" |\n");
        }
        return table.toString();
    }

    /** Replaces the marked section of BENCHMARKS.md (or puts it first), keeping everything else. */
    private static void write(Options options, List<Row> rows, String machine) throws IOException {
        Path file = options.benchmarksFile();
        String existing = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n";
        String section = BEGIN + "\n"
                + "Last run " + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(Instant.now().atOffset(ZoneOffset.UTC))
                + ": `--size " + options.size() + " --months " + options.from() + ".." + options.to() + " --seed " + options.seed()
                + "`; " + machine + "; load average at the end " + loadAverage() + ".\n\n"
                + table(rows)
                + END;
        String updated;
        int begin = existing.indexOf(BEGIN);
        int end = existing.indexOf(END);
        if (begin >= 0 && end > begin) {
            updated = existing.substring(0, begin) + section + existing.substring(end + END.length());
        } else {
            int afterTitle = existing.indexOf('\n') + 1;
            updated = existing.substring(0, afterTitle) + "\n" + section + "\n" + existing.substring(afterTitle);
        }
        Files.writeString(file, updated);
        System.out.printf("wrote the figures to %s%n", file.toAbsolutePath().normalize());
    }

    private static String ratio(double ratio) {
        return String.format("%.2f", ratio);
    }

    /** "yes", or "no" and by how much the figure misses the target. */
    private static String met(boolean met, double ours, double target, String unit) {
        return met ? "yes" : String.format("no (%,.1f %s vs %,.0f %s: %+.0f %%)", ours, unit, target, unit, 100 * (ours / target - 1));
    }

    /**
     * The commit measured: git's HEAD in the working directory, "with uncommitted changes" when a tracked file other than
     * BENCHMARKS.md differs from it, "unknown" without git.
     */
    private static String commit() {
        try {
            String head = git("rev-parse", "--short", "HEAD");
            boolean changed = !git("status", "--porcelain", "--untracked-files=no", "--", ":(top)", ":(top,exclude)BENCHMARKS.md").isEmpty();
            return "commit `" + head + "`" + (changed ? " with uncommitted changes" : "");
        } catch (IOException | RuntimeException e) {
            return "commit unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "commit unknown";
        }
    }

    private static String git(String... args) throws IOException, InterruptedException {
        var command = new ArrayList<String>();
        command.add("git");
        command.addAll(List.of(args));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + ": " + output);
        }
        return output;
    }

    private static String machine() {
        var runtime = ManagementFactory.getRuntimeMXBean();
        return String.format("%d cores, JDK %s, max heap %,d MB (%s), load average %s", Runtime.getRuntime().availableProcessors(),
                Runtime.version(), Runtime.getRuntime().maxMemory() >> 20,
                String.join(" ", runtime.getInputArguments().stream().filter(arg -> arg.startsWith("-X")).toList()), loadAverage());
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
