package se.benefitledger.tools.demo;

import se.benefitledger.core.shared.MunicipalityCode;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Applies a {@link SyntheticPlan} to a ledger, month by month, in the order a municipality lives
 * it: new households register, the month's decisions are made and their payments scheduled,
 * mistakes are cancelled and corrected, then each payout date's batch takes every payment due by
 * it and the bank's answer settles it (returns and reissues of rejected payments follow), and
 * finally recovery claims are decided and repayments received. How each step reaches the ledger
 * (commands in-process, or REST requests) is the {@link Writer}'s business. Municipalities are
 * independent, so several of them may run at once.
 */
public final class PlanRunner {

    /** Where the plan's facts go. Called from several threads at once, each with its own municipality. */
    public interface Writer {
        void register(List<PlannedHousehold> households);

        /** The decisions and the payments each schedules right away. */
        void decide(List<PlannedDecision> decisions);

        void cancel(List<PlannedPayment> payments);

        /** Payments of decisions made earlier: corrections of cancelled payments and reissues of rejected ones. */
        void schedule(List<PlannedPayment> payments);

        /** Creates the batch, which takes every scheduled payment of its municipality due by its date (these), and settles it. */
        void payout(Batch batch);

        void returnPayments(List<PlannedPayment> payments);

        /** Records each claim's erroneous findings, then decides the claim. */
        void claim(List<PlannedClaim> claims);

        void repay(List<PlannedRepayment> repayments);
    }

    /** A payout batch and the bank's answer: REJECTED for the payments planned to be rejected, EXECUTED for every other. */
    public record Batch(UUID batchId, MunicipalityCode municipality, LocalDate payoutDate, List<PlannedPayment> payments) {
    }

    private final SyntheticPlan plan;
    private final Writer writer;
    private final int threads;
    /** Per municipality, payments scheduled and not yet in a batch: reissues wait for a payout date of the next month. */
    private final Map<MunicipalityCode, List<PlannedPayment>> unbatched = new ConcurrentHashMap<>();

    /** {@code threads}: how many municipalities run at once. */
    public PlanRunner(SyntheticPlan plan, Writer writer, int threads) {
        this.plan = plan;
        this.writer = writer;
        this.threads = threads;
    }

    /** Every month of the plan, in order. */
    public void run() {
        plan.months().forEach(this::run);
    }

    /** One month of the plan, for every municipality; months must run in order. */
    public void run(YearMonth month) {
        if (threads == 1 || plan.shares().size() == 1) {
            plan.shares().forEach(share -> run(month, share));
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            var done = new ArrayList<Future<?>>();
            for (var share : plan.shares()) {
                done.add(pool.submit(() -> run(month, share)));
            }
            for (var future : done) {
                future.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private void run(YearMonth month, SyntheticPlan.Share share) {
        MonthPlan monthPlan = plan.month(month, share);
        List<PlannedPayment> pending = new ArrayList<>(unbatched.getOrDefault(share.municipality(), List.of()));
        writer.register(monthPlan.newHouseholds());
        writer.decide(monthPlan.decisions());
        for (PlannedDecision decision : monthPlan.decisions()) {
            pending.addAll(decision.payments());
        }

        var cancelled = pending.stream().filter(payment -> payment.fate() == PlannedPayment.Fate.CANCELLED).toList();
        if (!cancelled.isEmpty()) {
            writer.cancel(cancelled);
            var corrections = cancelled.stream().map(PlannedPayment::followUp).toList();
            writer.schedule(corrections);
            pending = new ArrayList<>(pending.stream().filter(payment -> payment.fate() != PlannedPayment.Fate.CANCELLED).toList());
            pending.addAll(corrections);
        }

        for (LocalDate payoutDate : PayoutCalendar.dates(month)) {
            var due = pending.stream().filter(payment -> !payment.dueDate().isAfter(payoutDate)).toList();
            if (due.isEmpty()) {
                continue;
            }
            writer.payout(new Batch(plan.batchId(share.municipality(), payoutDate), share.municipality(), payoutDate, due));
            pending = new ArrayList<>(pending.stream().filter(payment -> payment.dueDate().isAfter(payoutDate)).toList());
            var returned = due.stream().filter(payment -> payment.fate() == PlannedPayment.Fate.RETURNED).toList();
            if (!returned.isEmpty()) {
                writer.returnPayments(returned);
            }
            var reissues = due.stream().filter(payment -> payment.fate() == PlannedPayment.Fate.REJECTED).map(PlannedPayment::followUp).toList();
            if (!reissues.isEmpty()) {
                writer.schedule(reissues);
                pending.addAll(reissues);
            }
        }
        writer.claim(monthPlan.claims());
        writer.repay(monthPlan.repayments());
        unbatched.put(share.municipality(), List.copyOf(pending));
    }
}
