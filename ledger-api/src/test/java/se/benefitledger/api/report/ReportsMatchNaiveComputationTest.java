package se.benefitledger.api.report;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.Municipalities;
import se.benefitledger.api.support.Projections;
import se.benefitledger.core.recovery.ClaimStatus;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.core.shared.SignedMoney;
import se.benefitledger.projections.balances.RecoveryBalanceQueries;
import se.benefitledger.projections.duration.DurationQueries;
import se.benefitledger.projections.reconciliation.ReconciliationQueries;
import se.benefitledger.projections.spend.MonthlySpendQueries;
import se.benefitledger.projections.spend.SpendBasis;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded random histories go into the event store; every report must equal a second computation,
 * written here as plainly as possible from the same facts. A failure names its seed.
 */
@LedgerApiTest
class ReportsMatchNaiveComputationTest {

    private static final YearMonth FIRST = YearMonth.of(2020, 1);
    private static final YearMonth LAST = YearMonth.of(2021, 12);

    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MonthlySpendQueries spend;
    @Autowired
    DurationQueries duration;
    @Autowired
    RecoveryBalanceQueries balances;
    @Autowired
    ReconciliationQueries reconciliation;

    @Test
    void everyReportEqualsANaiveComputationOfRandomHistories() {
        var seeds = new ArrayList<>(List.of(1L, 42L, 20_211_231L));
        seeds.add(ThreadLocalRandom.current().nextLong());
        var histories = seeds.stream().map(seed -> new RandomHistory(seed, MunicipalityCode.of(Municipalities.fresh()), 25, FIRST, LAST)).toList();
        for (var history : histories) {
            for (int from = 0; from < history.events.size(); from += 500) {
                eventStore.publish(history.events.subList(from, Math.min(history.events.size(), from + 500)));
            }
        }
        Projections.awaitCaughtUp(processing, jdbc);

        for (var history : histories) {
            assertEveryReportMatches(history, new ReportQueries(spend, duration, balances, reconciliation));
        }
    }

    /** The four report queries, as the REST layer uses them. */
    record ReportQueries(MonthlySpendQueries spend, DurationQueries duration, RecoveryBalanceQueries balances,
                         ReconciliationQueries reconciliation) {
    }

    /** Every report of the history's municipality over its months (and around them) equals the naive computation. */
    static void assertEveryReportMatches(RandomHistory history, ReportQueries queries) {
        YearMonth first = history.first;
        YearMonth last = history.last;
        String seed = "seed " + history.seed + " (municipality " + history.municipality + ")";
        for (var basis : SpendBasis.values()) {
            assertThat(queries.spend().report(history.municipality, basis, first.minusMonths(1), last.plusMonths(2)))
                    .as(seed + ", monthly spend " + basis).usingRecursiveComparison()
                    .isEqualTo(NaiveReports.monthlySpend(history, basis, first.minusMonths(1), last.plusMonths(2)));
        }
        for (YearMonth end = first; !end.isAfter(last.plusMonths(1)); end = end.plusMonths(1)) {
            if (!end.equals(first) && !anyPaymentInWindowEnding(history, end)) {
                continue;
            }
            assertThat(queries.duration().rolling(history.municipality, end)).as(seed + ", duration ending " + end).usingRecursiveComparison()
                    .isEqualTo(NaiveReports.duration(history, end));
        }
        assertThat(queries.duration().calendarYear(history.municipality, Year.of(last.getYear()))).as(seed + ", duration " + last.getYear())
                .usingRecursiveComparison().isEqualTo(NaiveReports.duration(history, YearMonth.of(last.getYear(), 12)));
        for (ClaimStatus status : new ClaimStatus[]{null, ClaimStatus.OPEN, ClaimStatus.CLOSED}) {
            var report = queries.balances().report(history.municipality, null, status, 0, 500);
            var expected = NaiveReports.balances(history, status);
            assertThat(report.totals()).as(seed + ", recovery totals " + status).isEqualTo(expected.totals());
            assertThat(report.items()).extracting(item -> item.claimId() + " " + item.outstanding() + " " + item.status())
                    .as(seed + ", recovery items " + status).containsExactlyInAnyOrderElementsOf(expected.items());
        }
        var reconciled = queries.reconciliation().report(history.municipality, first.atDay(1).minusYears(1), last.atEndOfMonth().plusYears(1), 0, 500);
        assertThat(reconciled.total()).as(seed + ", batches").isEqualTo(history.batches.size());
        assertThat(reconciled.items()).extracting(NaiveReports::batchLine).as(seed + ", reconciliation")
                .containsExactlyInAnyOrderElementsOf(history.batches.stream().map(NaiveReports::batchLine).toList());
        assertThat(reconciled.items()).allSatisfy(batch -> assertThat(batch.discrepancies()).as(seed + ", discrepancies").isEmpty());
    }

    /** Windows without a payment are all zeros; a history over a century (the HTTP fuzzer's) skips most of them. */
    private static boolean anyPaymentInWindowEnding(RandomHistory history, YearMonth end) {
        return history.payments.stream().anyMatch(payment -> !payment.benefitMonth.isBefore(end.minusMonths(11)) && !payment.benefitMonth.isAfter(end));
    }

    /** The counting rules of rest-api.md, computed the obvious way from the facts. */
    static final class NaiveReports {

        static se.benefitledger.projections.spend.MonthlySpendReport monthlySpend(RandomHistory history, SpendBasis basis, YearMonth from, YearMonth to) {
            var months = new ArrayList<se.benefitledger.projections.spend.MonthlySpendReport.Month>();
            long scheduledTotal = 0;
            long executedTotal = 0;
            long returnedTotal = 0;
            long countTotal = 0;
            for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
                long scheduled = 0;
                long executed = 0;
                long returned = 0;
                int count = 0;
                Set<UUID> households = new HashSet<>();
                for (var payment : history.payments) {
                    boolean benefitBasis = basis == SpendBasis.BENEFIT_MONTH;
                    YearMonth scheduledIn = benefitBasis ? payment.benefitMonth : YearMonth.from(payment.dueDate);
                    if (scheduledIn.equals(month) && payment.fate != RandomHistory.Fate.CANCELLED && payment.fate != RandomHistory.Fate.REJECTED) {
                        scheduled += payment.amount;
                    }
                    if (payment.executed()) {
                        YearMonth executedIn = benefitBasis ? payment.benefitMonth : YearMonth.from(payment.executedOn);
                        if (executedIn.equals(month)) {
                            executed += payment.amount;
                            count++;
                            if (payment.fate != RandomHistory.Fate.RETURNED) {
                                households.add(payment.householdId);
                            }
                        }
                    }
                    if (payment.fate == RandomHistory.Fate.RETURNED) {
                        YearMonth returnedIn = benefitBasis ? payment.benefitMonth : YearMonth.from(payment.returnedOn);
                        if (returnedIn.equals(month)) {
                            returned += payment.amount;
                        }
                    }
                }
                months.add(new se.benefitledger.projections.spend.MonthlySpendReport.Month(month.toString(), Money.ofOre(scheduled),
                        Money.ofOre(executed), Money.ofOre(returned), new SignedMoney(executed - returned), count, households.size()));
                scheduledTotal += scheduled;
                executedTotal += executed;
                returnedTotal += returned;
                countTotal += count;
            }
            return new se.benefitledger.projections.spend.MonthlySpendReport(history.municipality, basis, months,
                    new se.benefitledger.projections.spend.MonthlySpendReport.Totals(Money.ofOre(scheduledTotal), Money.ofOre(executedTotal),
                            Money.ofOre(returnedTotal), new SignedMoney(executedTotal - returnedTotal), countTotal));
        }

        static se.benefitledger.projections.duration.DurationReport duration(RandomHistory history, YearMonth end) {
            YearMonth start = end.minusMonths(11);
            Map<UUID, Set<YearMonth>> assistanceMonths = new HashMap<>();
            for (var payment : history.payments) {
                if (payment.fate == RandomHistory.Fate.EXECUTED && !payment.benefitMonth.isBefore(start) && !payment.benefitMonth.isAfter(end)) {
                    assistanceMonths.computeIfAbsent(payment.householdId, household -> new HashSet<>()).add(payment.benefitMonth);
                }
            }
            var buckets = new LinkedHashMap<String, Long>();
            for (String bucket : List.of("1-3", "4-6", "7-9", "10-12")) {
                buckets.put(bucket, 0L);
            }
            for (var months : assistanceMonths.values()) {
                int n = months.size();
                String bucket = n <= 3 ? "1-3" : n <= 6 ? "4-6" : n <= 9 ? "7-9" : "10-12";
                buckets.merge(bucket, 1L, Long::sum);
            }
            return new se.benefitledger.projections.duration.DurationReport(history.municipality,
                    new se.benefitledger.projections.duration.DurationReport.Window(start.toString(), end.toString()), buckets,
                    assistanceMonths.size(), buckets.get("10-12"));
        }

        record Balances(se.benefitledger.projections.balances.RecoveryBalancesReport.Totals totals, List<String> items) {
        }

        static Balances balances(RandomHistory history, ClaimStatus status) {
            var matching = history.claims.stream()
                                         .filter(claim -> status == null || (claim.outstanding() == 0 ? ClaimStatus.CLOSED : ClaimStatus.OPEN) == status)
                                         .toList();
            return new Balances(new se.benefitledger.projections.balances.RecoveryBalancesReport.Totals(matching.size(),
                    Money.ofOre(matching.stream().mapToLong(claim -> claim.principal).sum()),
                    Money.ofOre(matching.stream().mapToLong(claim -> claim.repaid).sum()),
                    Money.ofOre(matching.stream().mapToLong(claim -> claim.waived).sum()),
                    Money.ofOre(matching.stream().mapToLong(claim -> claim.writtenOff).sum()),
                    Money.ofOre(matching.stream().mapToLong(RandomHistory.Claim::outstanding).sum())),
                    matching.stream().map(claim -> claim.id + " " + Money.ofOre(claim.outstanding()) + " "
                            + (claim.outstanding() == 0 ? ClaimStatus.CLOSED : ClaimStatus.OPEN)).toList());
        }

        static String batchLine(RandomHistory.Batch batch) {
            var executed = batch.payments().stream().filter(RandomHistory.Payment::executed).toList();
            var rejected = batch.payments().stream().filter(payment -> payment.fate == RandomHistory.Fate.REJECTED).toList();
            var returned = batch.payments().stream().filter(payment -> payment.fate == RandomHistory.Fate.RETURNED).toList();
            return String.join(" ", batch.id().toString(), batch.payoutDate().toString(), batch.settled() ? "SETTLED" : "CREATED",
                    count(batch.payments()), count(executed), count(rejected), count(returned),
                    Integer.toString(batch.payments().size() - executed.size() - rejected.size()));
        }

        static String batchLine(se.benefitledger.projections.reconciliation.ReconciliationReport.Batch batch) {
            return String.join(" ", batch.batchId().toString(), batch.payoutDate().toString(), batch.status().name(),
                    batch.paymentCount() + "/" + batch.controlTotal(), batch.executedCount() + "/" + batch.executedTotal(),
                    batch.rejectedCount() + "/" + batch.rejectedTotal(), batch.returnedCount() + "/" + batch.returnedTotal(),
                    Integer.toString(batch.unsettledCount()));
        }

        private static String count(List<RandomHistory.Payment> payments) {
            return payments.size() + "/" + Money.ofOre(payments.stream().mapToLong(payment -> payment.amount).sum());
        }
    }
}
