package se.benefitledger.api.report;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.context.ApplicationContext;
import se.benefitledger.core.recovery.ClaimStatus;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.projections.balances.RecoveryBalanceQueries;
import se.benefitledger.projections.balances.RecoveryBalancesReport;
import se.benefitledger.projections.duration.DurationQueries;
import se.benefitledger.projections.kpi.KpiQueries;
import se.benefitledger.projections.reconciliation.ReconciliationQueries;
import se.benefitledger.projections.reconciliation.ReconciliationReport;
import se.benefitledger.projections.spend.MonthlySpendQueries;
import se.benefitledger.projections.spend.SpendBasis;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every report of a municipality against {@link ReportsMatchNaiveComputationTest.NaiveReports}, the
 * naive computation over a history's facts, at the months, years and days of a {@link Range}: for
 * the property test's generated histories and for a history the ledger recorded through its API
 * (the HTTP fuzzer's). The first difference fails with an {@link AssertionError} naming the report.
 */
public final class NaiveReportChecks {

    /** Reports are read whole, whatever the API's page size: a long fuzzer run has thousands of batches. */
    private static final int WHOLE = 1_000_000;

    private final MonthlySpendQueries spend;
    private final DurationQueries duration;
    private final RecoveryBalanceQueries balances;
    private final ReconciliationQueries reconciliation;
    private final KpiQueries kpi;

    NaiveReportChecks(ApplicationContext context) {
        spend = context.getBean(MonthlySpendQueries.class);
        duration = context.getBean(DurationQueries.class);
        balances = context.getBean(RecoveryBalanceQueries.class);
        reconciliation = context.getBean(ReconciliationQueries.class);
        kpi = context.getBean(KpiQueries.class);
    }

    /**
     * Where the reports are compared.
     *
     * @param spendFrom     first month of the monthly spend (both bases)
     * @param spendTo       its last month
     * @param ends          the last months of rolling durations and consecutive runs
     * @param years         calendar years of durations and KPIs
     * @param days          the days recovery balances are taken as of (null: today)
     * @param flows         ranges of recovery flows, as first and last month
     * @param payoutsFrom   first payout date of the reconciliation
     * @param payoutsTo     its last
     */
    record Range(YearMonth spendFrom, YearMonth spendTo, List<YearMonth> ends, List<Integer> years, List<LocalDate> days,
                 List<List<YearMonth>> flows, LocalDate payoutsFrom, LocalDate payoutsTo) {

        /**
         * The range that covers a recorded history: every month a duration or run changes (the
         * twelve after each assistance month), the years of benefit months and repayments, the month
         * ends around the claims' movements, and all of the contract's dates.
         */
        static Range covering(RandomHistory history) {
            var months = new TreeSet<YearMonth>();
            history.payments.forEach(payment -> months.add(payment.benefitMonth));
            var dated = new TreeSet<YearMonth>(months);
            history.payments.forEach(payment -> Stream.of(payment.dueDate, payment.executedOn, payment.returnedOn)
                                                       .filter(day -> day != null).forEach(day -> dated.add(YearMonth.from(day))));
            var ends = new TreeSet<YearMonth>();
            months.forEach(month -> {
                for (int after = -1; after <= 12; after++) {
                    ends.add(month.plusMonths(after));
                }
            });
            var years = new TreeSet<Integer>();
            months.forEach(month -> years.add(month.getYear()));
            var movements = new TreeSet<YearMonth>();
            history.claims.forEach(claim -> claim.movements.forEach(movement -> movements.add(YearMonth.from(movement.on()))));
            history.claims.forEach(claim -> claim.repayments.forEach(repayment -> years.add(repayment.receivedOn().getYear())));
            var days = new ArrayList<LocalDate>();
            days.add(null);
            var flows = new ArrayList<List<YearMonth>>();
            if (!movements.isEmpty()) {
                for (YearMonth month = movements.first().minusMonths(1); !month.isAfter(movements.last().plusMonths(1)); month = month.plusMonths(1)) {
                    days.add(month.atEndOfMonth());
                }
                flows.add(List.of(movements.first().minusMonths(1), movements.last().plusMonths(1)));
            }
            YearMonth first = dated.isEmpty() ? YearMonth.of(2020, 1) : dated.first();
            YearMonth last = dated.isEmpty() ? YearMonth.of(2020, 1) : dated.last();
            return new Range(first.minusMonths(1), last.plusMonths(2), List.copyOf(ends), List.copyOf(years), days, flows,
                    LocalDate.of(1999, 1, 1), LocalDate.of(2100, 12, 31));
        }
    }

    /**
     * The HTTP fuzzer's reports: its two municipalities' history read back from the event store
     * (the events after {@code afterGlobalIndex}, when the fuzzer began: all of theirs, and not the
     * rest of the test suite's), every report of each compared with the naive computation over it.
     */
    public static void checkRecorded(ApplicationContext context, long afterGlobalIndex, String municipality, String other) {
        var checks = new NaiveReportChecks(context);
        List<Object> events;
        var from = GapAwareTrackingToken.newInstance(afterGlobalIndex, Set.of());
        try (Stream<? extends TrackedEventMessage<?>> stored = context.getBean(EventStorageEngine.class).readEvents(from, false)) {
            events = stored.map(TrackedEventMessage::getPayload).map(Object.class::cast).toList();
        }
        var history = RandomHistory.recorded(MunicipalityCode.of(municipality), MunicipalityCode.of(other), events);
        var range = Range.covering(history);
        for (var code : List.of(history.municipality, history.elsewhere)) {
            checks.check(history, code, "municipality " + code, range);
        }
    }

    void check(RandomHistory history, MunicipalityCode municipality, String label, Range range) {
        for (var basis : SpendBasis.values()) {
            assertThat(spend.report(municipality, basis, range.spendFrom(), range.spendTo()))
                    .as(label + ", monthly spend " + basis).usingRecursiveComparison()
                    .isEqualTo(ReportsMatchNaiveComputationTest.NaiveReports.monthlySpend(history, municipality, basis, range.spendFrom(), range.spendTo()));
        }
        for (YearMonth end : range.ends()) {
            assertThat(duration.rolling(municipality, end)).as(label + ", duration ending " + end).usingRecursiveComparison()
                    .isEqualTo(ReportsMatchNaiveComputationTest.NaiveReports.duration(history, municipality, end));
            for (int min : new int[]{1, 3, 6}) {
                assertThat(duration.consecutive(municipality, end, min, 0, WHOLE)).as(label + ", consecutive " + min + " ending " + end)
                        .usingRecursiveComparison().isEqualTo(ReportsMatchNaiveComputationTest.NaiveReports.consecutive(history, municipality, end, min, WHOLE));
            }
        }
        for (int year : range.years()) {
            assertThat(duration.calendarYear(municipality, Year.of(year))).as(label + ", duration " + year).usingRecursiveComparison()
                    .isEqualTo(ReportsMatchNaiveComputationTest.NaiveReports.duration(history, municipality, YearMonth.of(year, 12)));
            assertThat(kpi.report(municipality, Year.of(year))).as(label + ", kpi " + year).usingRecursiveComparison()
                    .isEqualTo(ReportsMatchNaiveComputationTest.NaiveReports.kpi(history, municipality, year));
        }
        for (LocalDate asOf : range.days()) {
            for (ClaimStatus status : new ClaimStatus[]{null, ClaimStatus.OPEN, ClaimStatus.CLOSED, ClaimStatus.WRITTEN_OFF}) {
                RecoveryBalancesReport report = balances.report(municipality, null, status, asOf, 0, WHOLE);
                var expected = ReportsMatchNaiveComputationTest.NaiveReports.balances(history, municipality, status, asOf);
                assertThat(report.totals()).as(label + ", recovery totals " + status + " as of " + asOf).isEqualTo(expected.totals());
                assertThat(report.items()).extracting(item -> item.claimId() + " " + item.outstanding() + " " + item.refundDue() + " " + item.status())
                        .as(label + ", recovery items " + status + " as of " + asOf).containsExactlyInAnyOrderElementsOf(expected.items());
            }
        }
        for (var flows : range.flows()) {
            assertThat(balances.flows(municipality, flows.get(0), flows.get(1))).as(label + ", recovery flows " + flows)
                    .usingRecursiveComparison().isEqualTo(ReportsMatchNaiveComputationTest.NaiveReports.flows(history, municipality, flows.get(0), flows.get(1)));
        }
        var batches = history.batches.stream().filter(batch -> batch.municipality().equals(municipality)
                && !batch.payoutDate().isBefore(range.payoutsFrom()) && !batch.payoutDate().isAfter(range.payoutsTo())).toList();
        ReconciliationReport reconciled = reconciliation.report(municipality, range.payoutsFrom(), range.payoutsTo(), 0, WHOLE);
        assertThat(reconciled.total()).as(label + ", batches").isEqualTo(batches.size());
        assertThat(reconciled.items()).extracting(ReportsMatchNaiveComputationTest.NaiveReports::batchLine).as(label + ", reconciliation")
                .containsExactlyInAnyOrderElementsOf(batches.stream().map(ReportsMatchNaiveComputationTest.NaiveReports::batchLine).toList());
        assertThat(reconciled.items()).allSatisfy(batch -> assertThat(batch.discrepancies()).as(label + ", discrepancies").isEmpty());
    }
}
