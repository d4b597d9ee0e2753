package se.benefitledger.api.report;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.benefitledger.api.input.InputBounds;
import se.benefitledger.api.problem.InvalidRequestException;
import se.benefitledger.api.security.AccessControl;
import se.benefitledger.api.security.Role;
import se.benefitledger.api.web.PageRequest;
import se.benefitledger.core.recovery.ClaimStatus;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.projections.balances.RecoveryBalancesReport;
import se.benefitledger.projections.duration.ConsecutiveMonthsReport;
import se.benefitledger.projections.balances.RecoveryFlowsReport;
import se.benefitledger.projections.duration.DurationReport;
import se.benefitledger.projections.kpi.KpiReport;
import se.benefitledger.projections.reconciliation.ReconciliationReport;
import se.benefitledger.projections.spend.MonthlySpendReport;
import se.benefitledger.projections.spend.SpendBasis;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The reports of the contract, each as JSON or, with {@code Accept: text/csv}, as CSV. A report
 * of a municipality outside the caller's scope is forbidden (403).
 */
@RestController
@RequestMapping("/api/v1/reports")
class ReportController {

    /** Ten years of months at most in one monthly report. */
    static final int MAX_MONTHS = 120;
    /** Roles that may see which households are in a consecutive-months report; the others get the count. */
    private static final EnumSet<Role> SEE_HOUSEHOLDS = EnumSet.of(Role.CASEWORKER, Role.INVESTIGATOR, Role.AUDITOR);

    private final AccessControl access;
    private final ReportService reports;

    ReportController(AccessControl access, ReportService reports) {
        this.access = access;
        this.reports = reports;
    }

    @GetMapping(path = "/monthly-spend", produces = MediaType.APPLICATION_JSON_VALUE)
    MonthlySpendReport monthlySpend(@RequestParam String municipality, @RequestParam String from, @RequestParam String to,
                                    @RequestParam(defaultValue = "BENEFIT_MONTH") SpendBasis basis) {
        YearMonth first = month("from", from);
        YearMonth last = lastMonth(first, to);
        return reports.monthlySpend(municipality(municipality), basis, first, last);
    }

    @GetMapping(path = "/monthly-spend", produces = "text/csv")
    ResponseEntity<String> monthlySpendCsv(@RequestParam String municipality, @RequestParam String from, @RequestParam String to,
                                           @RequestParam(defaultValue = "BENEFIT_MONTH") SpendBasis basis) {
        return CsvRows.of(MonthlySpendReport.Month.class, monthlySpend(municipality, from, to, basis).months());
    }

    @GetMapping(path = "/duration-buckets", produces = MediaType.APPLICATION_JSON_VALUE)
    DurationReport durationBuckets(@RequestParam String municipality, @RequestParam(required = false) String month,
                                   @RequestParam(required = false) String year) {
        if ((month == null) == (year == null)) {
            throw new InvalidRequestException("month", "give either month (a rolling 12-month window) or year (a calendar year)");
        }
        MunicipalityCode code = municipality(municipality);
        if (month != null) {
            return reports.rollingDuration(code, month("month", month));
        }
        return reports.calendarYearDuration(code, Year.of(parse("year", year, InputBounds::year)));
    }

    @GetMapping(path = "/duration-buckets", produces = "text/csv")
    ResponseEntity<String> durationBucketsCsv(@RequestParam String municipality, @RequestParam(required = false) String month,
                                              @RequestParam(required = false) String year) {
        var report = durationBuckets(municipality, month, year);
        return CsvRows.of(BucketRow.class, report.buckets().entrySet().stream()
                                                 .map(bucket -> new BucketRow(report.window().from(), report.window().to(), bucket.getKey(), bucket.getValue(),
                                                         report.persons().adults().buckets().get(bucket.getKey()),
                                                         report.persons().children().buckets().get(bucket.getKey())))
                                                 .toList());
    }

    @GetMapping(path = "/consecutive-months", produces = MediaType.APPLICATION_JSON_VALUE)
    ConsecutiveMonthsReport consecutiveMonths(@RequestParam String municipality, @RequestParam String month, @RequestParam int min,
                                              @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (min < 1 || min > MAX_MONTHS) {
            throw new InvalidRequestException("min", "must be between 1 and " + MAX_MONTHS);
        }
        var request = new PageRequest(page, size);
        var report = reports.consecutiveMonths(municipality(municipality), month("month", month), min, request.page(), request.size());
        return access.actingRole().filter(SEE_HOUSEHOLDS::contains).isPresent() ? report : report.withoutItems();
    }

    @GetMapping(path = "/consecutive-months", produces = "text/csv")
    ResponseEntity<String> consecutiveMonthsCsv(@RequestParam String municipality, @RequestParam String month, @RequestParam int min,
                                                @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        var report = consecutiveMonths(municipality, month, min, page, size);
        if (report.items() == null) {
            return CsvRows.of(CountRow.class, List.of(new CountRow(report.month(), report.min(), report.count())));
        }
        return CsvRows.of(ConsecutiveMonthsReport.Item.class, report.items());
    }

    @GetMapping(path = "/kpi", produces = MediaType.APPLICATION_JSON_VALUE)
    KpiReport kpi(@RequestParam String municipality, @RequestParam String year) {
        return reports.kpi(municipality(municipality), Year.of(parse("year", year, InputBounds::year)));
    }

    @GetMapping(path = "/kpi", produces = "text/csv")
    ResponseEntity<String> kpiCsv(@RequestParam String municipality, @RequestParam String year) {
        return CsvRows.of(KpiReport.class, List.of(kpi(municipality, year)));
    }

    /** With {@code asOf}, the claims as they stood at the end of that day: the receivable that day. */
    @GetMapping(path = "/recovery-balances", produces = MediaType.APPLICATION_JSON_VALUE)
    RecoveryBalancesReport recoveryBalances(@RequestParam String municipality, @RequestParam(required = false) UUID householdId,
                                            @RequestParam(required = false) ClaimStatus status, @RequestParam(required = false) String asOf,
                                            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        var request = new PageRequest(page, size);
        LocalDate day = asOf == null ? null : date("asOf", asOf);
        return reports.recoveryBalances(municipality(municipality), householdId, status, day, request.page(), request.size());
    }

    @GetMapping(path = "/recovery-balances", produces = "text/csv")
    ResponseEntity<String> recoveryBalancesCsv(@RequestParam String municipality, @RequestParam(required = false) UUID householdId,
                                               @RequestParam(required = false) ClaimStatus status, @RequestParam(required = false) String asOf,
                                               @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return CsvRows.of(RecoveryBalancesReport.Claim.class, recoveryBalances(municipality, householdId, status, asOf, page, size).items());
    }

    @GetMapping(path = "/recovery-flows", produces = MediaType.APPLICATION_JSON_VALUE)
    RecoveryFlowsReport recoveryFlows(@RequestParam String municipality, @RequestParam String from, @RequestParam String to) {
        YearMonth first = month("from", from);
        return reports.recoveryFlows(municipality(municipality), first, lastMonth(first, to));
    }

    /** The months; the yearly figures and totals are in the JSON. */
    @GetMapping(path = "/recovery-flows", produces = "text/csv")
    ResponseEntity<String> recoveryFlowsCsv(@RequestParam String municipality, @RequestParam String from, @RequestParam String to) {
        return CsvRows.of(RecoveryFlowsReport.Month.class, recoveryFlows(municipality, from, to).months());
    }

    @GetMapping(path = "/reconciliation", produces = MediaType.APPLICATION_JSON_VALUE)
    ReconciliationReport reconciliation(@RequestParam String municipality, @RequestParam String from, @RequestParam String to,
                                        @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (last.isBefore(first)) {
            throw new InvalidRequestException("to", "must not be before from");
        }
        var request = new PageRequest(page, size);
        return reports.reconciliation(municipality(municipality), first, last, request.page(), request.size());
    }

    @GetMapping(path = "/reconciliation", produces = "text/csv")
    ResponseEntity<String> reconciliationCsv(@RequestParam String municipality, @RequestParam String from, @RequestParam String to,
                                             @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return CsvRows.of(BatchRow.class, reconciliation(municipality, from, to, page, size).items().stream().map(BatchRow::of).toList());
    }

    /** One bucket of a duration report: households, adults and children in it. */
    record BucketRow(String from, String to, String bucket, long households, long adults, long children) {
    }

    /** A consecutive-months report for a caller who sees only the count. */
    record CountRow(String month, int min, long count) {
    }

    /** One batch of a reconciliation report; its discrepancies are counted (JSON lists them). */
    record BatchRow(UUID batchId, LocalDate payoutDate, String status, int paymentCount, Money controlTotal, int executedCount,
                    Money executedTotal, int rejectedCount, Money rejectedTotal, int returnedCount, Money returnedTotal, int unsettledCount,
                    int discrepancies) {
        static BatchRow of(ReconciliationReport.Batch batch) {
            return new BatchRow(batch.batchId(), batch.payoutDate(), batch.status().name(), batch.paymentCount(), batch.controlTotal(),
                    batch.executedCount(), batch.executedTotal(), batch.rejectedCount(), batch.rejectedTotal(), batch.returnedCount(),
                    batch.returnedTotal(), batch.unsettledCount(), batch.discrepancies().size());
        }
    }

    private static MunicipalityCode municipality(String municipality) {
        return parse("municipality", municipality, value -> {
            if (!MunicipalityCode.isValid(value)) {
                throw new IllegalArgumentException("must be a Swedish municipality code, e.g. 0488");
            }
            return MunicipalityCode.of(value);
        });
    }

    /** {@code to}, not before {@code first} and at most {@value #MAX_MONTHS} months on. */
    private static YearMonth lastMonth(YearMonth first, String to) {
        YearMonth last = month("to", to);
        if (last.isBefore(first)) {
            throw new InvalidRequestException("to", "must not be before from");
        }
        if (ChronoUnit.MONTHS.between(first, last) >= MAX_MONTHS) {
            throw new InvalidRequestException("to", "a report covers at most " + MAX_MONTHS + " months");
        }
        return last;
    }

    private static YearMonth month(String field, String value) {
        return parse(field, value, InputBounds::month);
    }

    private static LocalDate date(String field, String value) {
        return parse(field, value, InputBounds::date);
    }

    private static <T> T parse(String field, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field, e.getMessage());
        }
    }
}
