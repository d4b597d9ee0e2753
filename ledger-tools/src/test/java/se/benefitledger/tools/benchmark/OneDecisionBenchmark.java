package se.benefitledger.tools.benchmark;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import se.benefitledger.api.LedgerApplication;
import se.benefitledger.api.pii.Payee;
import se.benefitledger.api.pii.PiiVault;
import se.benefitledger.core.decision.DecisionLine;
import se.benefitledger.core.decision.DecisionOutcome;
import se.benefitledger.core.decision.LineType;
import se.benefitledger.core.decision.MakeDecisionCommand;
import se.benefitledger.core.decision.SchedulePaymentCommand;
import se.benefitledger.core.household.HouseholdMember;
import se.benefitledger.core.household.MemberRole;
import se.benefitledger.core.household.RegisterHouseholdCommand;
import se.benefitledger.core.payment.PayeeType;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.LegalBasis;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static se.benefitledger.tools.benchmark.Harness.delete;
import static se.benefitledger.tools.benchmark.Harness.option;
import static se.benefitledger.tools.benchmark.Harness.seconds;

/**
 * Issue 17: is the 1,000th (10,000th) payment of one decision scheduled as fast as the first? One
 * decision, {@code --payments=N} payments scheduled one after another through the command gateway (the
 * caller's thread runs the command), each timed in wall-clock and in the thread's CPU time, the latter
 * being what a shared machine's load does not distort. Prints the medians of {@code --window=W} payments
 * from the 1st, 1,000th and 10,000th on, after {@code --warm-up=N} payments on another decision (so
 * that the first payments are not timed with the JIT still compiling). Other arguments are Spring properties, e.g.
 * {@code --ledger.snapshots.threshold=0} for no snapshots.
 */
public final class OneDecisionBenchmark {

    private OneDecisionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        int payments = Integer.parseInt(option(args, "payments", "10000"));
        int window = Integer.parseInt(option(args, "window", "50"));
        int warmUp = Integer.parseInt(option(args, "warm-up", "300"));
        String[] spring = Arrays.stream(args).filter(arg -> Stream.of("--payments=", "--window=", "--warm-up=").noneMatch(arg::startsWith))
                                .toArray(String[]::new);
        Path home = Files.createTempDirectory("one-decision-benchmark");
        ConfigurableApplicationContext service = null;
        try {
            service = new SpringApplicationBuilder(LedgerApplication.class).profiles("embedded").run(Stream.concat(Stream.of(
                    "--server.port=0",
                    "--management.server.port=0",
                    "--ledger.embedded-postgres.data-directory=" + home.resolve("postgres"),
                    "--ledger.embedded-postgres.synchronous-commit=on",
                    "--ledger.pii.dev-key-file=" + home.resolve("dev-pii-keys.properties"),
                    "--logging.level.root=WARN"), Arrays.stream(spring)).toArray(String[]::new));
            run(service, warmUp, 0, new String[0]);
            run(service, payments, window, spring);
        } finally {
            if (service != null) {
                service.close();
            }
            delete(home);
        }
    }

    private static void run(ConfigurableApplicationContext service, int payments, int window, String[] spring) {
        var commands = service.getBean(CommandGateway.class);
        UUID payee = service.getBean(PiiVault.class).payeeIdFor(new Payee("Mottagare", "8327-9 123456782"));
        UUID household = UUID.randomUUID();
        UUID decision = UUID.randomUUID();
        commands.sendAndWait(new RegisterHouseholdCommand(household, MunicipalityCode.of("0488"),
                List.of(new HouseholdMember(UUID.randomUUID(), MemberRole.APPLICANT, LocalDate.of(1980, 1, 1)))));
        commands.sendAndWait(new MakeDecisionCommand(household, decision, BenefitMonth.of(2026, 12), DecisionOutcome.GRANTED,
                LegalBasis.SOL_2025_12_1, List.of(new DecisionLine(LineType.NORM, Money.ofOre(100L * payments))), List.of(),
                LocalDate.of(2026, 11, 20)));
        var cpu = ManagementFactory.getThreadMXBean();
        long[] wall = new long[payments];
        long[] used = new long[payments];
        long started = System.nanoTime();
        for (int i = 0; i < payments; i++) {
            long wallStart = System.nanoTime();
            long cpuStart = cpu.getCurrentThreadCpuTime();
            commands.sendAndWait(new SchedulePaymentCommand(decision, UUID.randomUUID(), Money.ofOre(100), LocalDate.of(2026, 12, 25),
                    PayeeType.HOUSEHOLD, payee, null));
            used[i] = cpu.getCurrentThreadCpuTime() - cpuStart;
            wall[i] = System.nanoTime() - wallStart;
            if ((i + 1) % 1000 == 0) {
                System.out.printf("%,d payments, %.0f s%n", i + 1, seconds(started));
            }
        }
        if (window == 0) {
            return;
        }
        System.out.printf("one decision, %,d payments, %s, load average %s%n", payments, String.join(" ", spring),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println("| payments from | median wall ms | median CPU ms (caller's thread) |");
        System.out.println("|---:|---:|---:|");
        for (int from : new int[] {1, 1_000, 10_000}) {
            if (from + window - 1 <= payments) {
                System.out.printf("| %,d (%d) | %.2f | %.2f |%n", from, window, median(wall, from - 1, window), median(used, from - 1, window));
            }
        }
    }

    private static double median(long[] nanos, int from, int count) {
        var window = new ArrayList<Long>();
        for (int i = from; i < from + count; i++) {
            window.add(nanos[i]);
        }
        window.sort(null);
        return window.get(count / 2) / 1e6;
    }
}
