package se.benefitledger.tools.demo;

import se.benefitledger.core.shared.MunicipalityCode;

import java.io.PrintStream;
import java.net.URI;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fills a running service with a synthetic municipality over its REST API, printing its progress:
 * {@code ./mvnw -q -pl ledger-tools -am -Pdemo-load test-compile} (see the README), or, with the service's
 * classpath, {@code java se.benefitledger.tools.demo.DemoLoader --url http://localhost:8080 --size S}.
 * <p>
 * Options (defaults for the embedded demo run): {@code --url http://localhost:8080 --municipality 0488
 * --size S|M|L --months 2025-01..2025-12 --seed 1 --clients 4 --caseworker anna:demo --finance fredrik:demo
 * --investigator ingrid:demo}; or, instead of municipality, size and months, {@code --shape strangnas-2021|vasteras-2020}
 * (a municipality whose published figures the reports reproduce, see {@link Shape}) with {@code --only claimants}
 * to load just its households with a recovery claim.
 */
public final class DemoLoader {

    record Options(URI url, MunicipalityCode municipality, Scale size, YearMonth from, YearMonth to, long seed, int clients,
                   RestWriter.Users users, Shape shape, boolean claimantsOnly) {

        private static final List<String> NAMES = List.of("url", "municipality", "size", "months", "seed", "clients", "caseworker", "finance",
                "investigator", "shape", "only");

        static Options parse(String... args) {
            var values = new LinkedHashMap<String, String>();
            for (int i = 0; i < args.length; i += 2) {
                if (!args[i].startsWith("--") || !NAMES.contains(args[i].substring(2)) || i + 1 == args.length) {
                    throw new IllegalArgumentException("expected one of --" + String.join(", --", NAMES) + " with a value, got " + args[i]);
                }
                values.put(args[i].substring(2), args[i + 1]);
            }
            Scale size = Scale.valueOf(values.getOrDefault("size", "S").toUpperCase(Locale.ROOT));
            if (size == Scale.NATIONAL) {
                throw new IllegalArgumentException("a demo is one municipality: --size S, M or L");
            }
            String[] months = values.getOrDefault("months", "2025-01..2025-12").split("\\.\\.");
            Shape shape = values.containsKey("shape") ? Shape.named(values.get("shape")) : null;
            if (shape != null && (values.containsKey("municipality") || values.containsKey("size") || values.containsKey("months"))) {
                throw new IllegalArgumentException("a shape has its own municipality, size and months");
            }
            if (values.containsKey("only") && (shape == null || !values.get("only").equals("claimants"))) {
                throw new IllegalArgumentException("--only claimants goes with a --shape");
            }
            int clients = Integer.parseInt(values.getOrDefault("clients", "4"));
            if (clients < 1) {
                throw new IllegalArgumentException("--clients must be at least 1");
            }
            return new Options(URI.create(values.getOrDefault("url", "http://localhost:8080").replaceAll("/+$", "")),
                    MunicipalityCode.of(values.getOrDefault("municipality", "0488")), size,
                    YearMonth.parse(months[0]), YearMonth.parse(months[months.length - 1]),
                    Long.parseLong(values.getOrDefault("seed", Long.toString(SyntheticPlan.DEFAULT_SEED))), clients,
                    new RestWriter.Users(values.getOrDefault("caseworker", "anna:demo"), values.getOrDefault("finance", "fredrik:demo"),
                            values.getOrDefault("investigator", "ingrid:demo")), shape, values.containsKey("only"));
        }

        SyntheticPlan plan() {
            if (shape == null) {
                return SyntheticPlan.of(seed, size, from, to, municipality);
            }
            var plan = SyntheticPlan.shaped(seed, shape);
            return claimantsOnly ? plan.claimantsOnly() : plan;
        }
    }

    private DemoLoader() {
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (RuntimeException e) {
            System.err.println("demo loader: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            load(options, System.out);
            System.exit(0);
        } catch (RuntimeException e) {
            System.err.println("demo loader stopped: " + e.getMessage());
            System.err.println("what was stored stays; run the same command again to go on (stored requests are replayed, not repeated)");
            System.exit(1);
        }
    }

    /** Answers how many requests the load sent. */
    static long load(Options options, PrintStream out) {
        return load(options.plan(), options.url(), options.users(), options.clients(), out);
    }

    static long load(SyntheticPlan plan, URI url, RestWriter.Users users, int clients, PrintStream out) {
        var summary = PlanSummary.of(plan);
        out.printf(Locale.ROOT, "loading %s into %s%n", plan, url);
        out.printf(Locale.ROOT, "  %,d households, %,d decisions, %,d payments, %,d payout batches, %,d recovery claims: %,d requests%n",
                summary.households(), summary.decisions() + summary.rejectedDecisions(), summary.payments(), summary.batches(), summary.claims(),
                summary.requests());
        long started = System.nanoTime();
        var progress = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var thread = new Thread(runnable, "demo-progress");
            thread.setDaemon(true);
            return thread;
        });
        try (var writer = new RestWriter(URI.create(url + "/api/v1"), users, plan.seed(), clients)) {
            var current = new AtomicReference<>(plan.from());
            progress.scheduleAtFixedRate(() -> out.println(line(current.get(), writer.requests(), summary.requests(), started)),
                    2, 2, TimeUnit.SECONDS);
            var runner = new PlanRunner(plan, writer, 1);
            for (YearMonth month : plan.months()) {
                current.set(month);
                runner.run(month);
                out.println(line(month, writer.requests(), summary.requests(), started) + " · " + month + " done");
            }
            progress.shutdownNow();
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf(Locale.ROOT, "done: %,d requests in %.1f s (%.0f requests/s)%n", writer.requests(), seconds, writer.requests() / seconds);
            out.printf(Locale.ROOT, "  see %s/api/v1/reports/monthly-spend?municipality=%s&from=%s&to=%s (as a FINANCE, INVESTIGATOR, AUDITOR or REPORTING user)%n",
                    url, plan.shares().get(0).municipality().code(), plan.from(), plan.to());
            return writer.requests();
        } finally {
            progress.shutdownNow();
        }
    }

    private static String line(YearMonth month, long done, long total, long started) {
        double seconds = (System.nanoTime() - started) / 1e9;
        double rate = done / Math.max(seconds, 0.001);
        long remaining = Math.max(0, total - done);
        return String.format(Locale.ROOT, "  %s  %,d/%,d requests (%3.0f %%)  %.0f/s  %.0f s elapsed, about %.0f s to go",
                month, done, total, 100.0 * done / Math.max(total, 1), rate, seconds, rate > 0 ? remaining / rate : 0.0);
    }
}
