package se.benefitledger.api.report;

import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.projections.balances.RecoveryBalanceQueries;
import se.benefitledger.projections.duration.DurationQueries;
import se.benefitledger.projections.reconciliation.ReconciliationQueries;
import se.benefitledger.projections.spend.MonthlySpendQueries;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The history of one municipality told fact by fact by a test outside this package (the HTTP
 * fuzzer's record of what the ledger accepted), checked report by report against the naive
 * computation of {@link ReportsMatchNaiveComputationTest}.
 */
public final class ToldHistory {

    private final RandomHistory history;
    private final Map<UUID, RandomHistory.Payment> payments = new HashMap<>();

    /** Reports are compared from the month before {@code first} to two months after {@code last}. */
    public ToldHistory(String municipality, YearMonth first, YearMonth last) {
        this.history = new RandomHistory(MunicipalityCode.of(municipality), first, last);
    }

    /**
     * @param fate SCHEDULED, CANCELLED, BATCHED, EXECUTED, REJECTED or RETURNED
     */
    public void payment(UUID id, UUID decisionId, UUID householdId, YearMonth benefitMonth, long amountOre, LocalDate dueDate,
                        String fate, UUID batchId, LocalDate executedOn, LocalDate returnedOn) {
        var payment = new RandomHistory.Payment(id, decisionId, householdId, benefitMonth, amountOre, dueDate);
        payment.fate = RandomHistory.Fate.valueOf(fate);
        payment.batchId = batchId;
        payment.executedOn = executedOn;
        payment.returnedOn = returnedOn;
        history.payments.add(payment);
        payments.put(id, payment);
    }

    /** A batch of payments told before it. */
    public void batch(UUID id, LocalDate payoutDate, List<UUID> paymentIds, boolean settled) {
        history.batches.add(new RandomHistory.Batch(id, payoutDate, paymentIds.stream().map(payments::get).toList(), settled));
    }

    public void claim(UUID id, UUID householdId, long principalOre, long repaidOre, long waivedOre, long writtenOffOre) {
        var claim = new RandomHistory.Claim(id, householdId, principalOre, null);
        claim.repaid = repaidOre;
        claim.waived = waivedOre;
        claim.writtenOff = writtenOffOre;
        history.claims.add(claim);
    }

    public void assertEveryReportMatches(MonthlySpendQueries spend, DurationQueries duration, RecoveryBalanceQueries balances,
                                         ReconciliationQueries reconciliation) {
        ReportsMatchNaiveComputationTest.assertEveryReportMatches(history,
                new ReportsMatchNaiveComputationTest.ReportQueries(spend, duration, balances, reconciliation));
    }
}
