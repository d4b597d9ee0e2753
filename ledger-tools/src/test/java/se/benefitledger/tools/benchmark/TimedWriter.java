package se.benefitledger.tools.benchmark;

import se.benefitledger.tools.demo.PlanRunner;
import se.benefitledger.tools.demo.PlannedClaim;
import se.benefitledger.tools.demo.PlannedDecision;
import se.benefitledger.tools.demo.PlannedHousehold;
import se.benefitledger.tools.demo.PlannedPayment;
import se.benefitledger.tools.demo.PlannedRepayment;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Where a load's time goes: the time spent in each step of the writer, summed over the threads that ran it. */
final class TimedWriter implements PlanRunner.Writer {

    private final PlanRunner.Writer writer;
    private final Map<String, LongAdder> nanos = new ConcurrentHashMap<>();

    TimedWriter(PlanRunner.Writer writer) {
        this.writer = writer;
    }

    /** Seconds per step since the last call, and starts anew. */
    Map<String, Double> takeSeconds() {
        var seconds = new TreeMap<String, Double>();
        nanos.forEach((step, total) -> seconds.put(step, total.sumThenReset() / 1e9));
        return seconds;
    }

    @Override
    public void register(List<PlannedHousehold> households) {
        timed("register", () -> writer.register(households));
    }

    @Override
    public void decide(List<PlannedDecision> decisions) {
        timed("decide", () -> writer.decide(decisions));
    }

    @Override
    public void cancel(List<PlannedPayment> payments) {
        timed("cancel", () -> writer.cancel(payments));
    }

    @Override
    public void schedule(List<PlannedPayment> payments) {
        timed("reschedule", () -> writer.schedule(payments));
    }

    @Override
    public void payout(PlanRunner.Batch batch) {
        timed("payout", () -> writer.payout(batch));
    }

    @Override
    public void returnPayments(List<PlannedPayment> payments) {
        timed("return", () -> writer.returnPayments(payments));
    }

    @Override
    public void claim(List<PlannedClaim> claims) {
        timed("claim", () -> writer.claim(claims));
    }

    @Override
    public void repay(List<PlannedRepayment> repayments) {
        timed("repay", () -> writer.repay(repayments));
    }

    private void timed(String step, Runnable work) {
        long started = System.nanoTime();
        try {
            work.run();
        } finally {
            nanos.computeIfAbsent(step, key -> new LongAdder()).add(System.nanoTime() - started);
        }
    }
}
