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
import se.benefitledger.api.web.PageRequest;
import se.benefitledger.core.recovery.ClaimStatus;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.projections.balances.RecoveryBalanceQueries;
import se.benefitledger.projections.balances.RecoveryBalancesReport;
import se.benefitledger.projections.duration.DurationQueries;
import se.benefitledger.projections.duration.DurationReport;
import se.benefitledger.projections.reconciliation.ReconciliationQueries;
import se.benefitledger.projections.reconciliation.ReconciliationReport;
import se.benefitledger.projections.spend.MonthlySpendQueries;
import se.benefitledger.projections.spend.MonthlySpendReport;
import se.benefitledger.projections.spend.SpendBasis;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Function;

/**
 * The reports of the contract, each as JSON or, with {@code Accept: text/csv}, as CSV. A report
 * of a municipality outside the caller's scope is forbidden (403).
 */
@RestController
@RequestMapping("/api/v1/reports")
class ReportController {

    /** Ten years of months at most in one monthly-spend report. */
    static final int MAX_MONTHS = 120;

    private final AccessControl access;
    private final MonthlySpendQueries spend;
    private final DurationQueries duration;
    private final RecoveryBalanceQueries balances;
    private final ReconciliationQueries reconciliation;

    ReportController(AccessControl access, MonthlySpendQueries spend, DurationQueries duration, RecoveryBalanceQueries balances,
                     ReconciliationQueries reconciliation) {
        this.access = access;
        this.spend = spend;
        this.duration = duration;
        this.balances = balances;
        this.reconciliation = reconciliation;
    }

    @GetMapping(path = "/monthly-spend", produces = MediaType.APPLICATION_JSON_VALUE)
    MonthlySpendReport monthlySpend(@RequestParam String municipality, @RequestParam String from, @RequestParam String to,
                                    @RequestParam(defaultValue = "BENEFIT_MONTH") SpendBasis basis) {
        YearMonth first = month("from", from);
        YearMonth last = month("to", to);
        if (last.isBefore(first)) {
            throw new InvalidRequestException("to", "must not be before from");
        }
        if (ChronoUnit.MONTHS.between(first, last) >= MAX_MONTHS) {
            throw new InvalidRequestException("to", "a report covers at most " + MAX_MONTHS + " months");
        }
        return spend.report(scoped(municipality), basis, first, last);
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
        MunicipalityCode code = scoped(municipality);
        if (month != null) {
            return duration.rolling(code, month("month", month));
        }
        return duration.calendarYear(code, Year.of(parse("year", year, InputBounds::year)));
    }

    @GetMapping(path = "/duration-buckets", produces = "text/csv")
    ResponseEntity<String> durationBucketsCsv(@RequestParam String municipality, @RequestParam(required = false) String month,
                                              @RequestParam(required = false) String year) {
        var report = durationBuckets(municipality, month, year);
        return CsvRows.of(BucketRow.class, report.buckets().entrySet().stream()
                                                 .map(bucket -> new BucketRow(report.window().from(), report.window().to(), bucket.getKey(), bucket.getValue()))
                                                 .toList());
    }

    @GetMapping(path = "/recovery-balances", produces = MediaType.APPLICATION_JSON_VALUE)
    RecoveryBalancesReport recoveryBalances(@RequestParam String municipality, @RequestParam(required = false) UUID householdId,
                                            @RequestParam(required = false) ClaimStatus status, @RequestParam(defaultValue = "0") int page,
                                            @RequestParam(defaultValue = "50") int size) {
        var request = new PageRequest(page, size);
        return balances.report(scoped(municipality), householdId, status, request.page(), request.size());
    }

    @GetMapping(path = "/recovery-balances", produces = "text/csv")
    ResponseEntity<String> recoveryBalancesCsv(@RequestParam String municipality, @RequestParam(required = false) UUID householdId,
                                               @RequestParam(required = false) ClaimStatus status, @RequestParam(defaultValue = "0") int page,
                                               @RequestParam(defaultValue = "50") int size) {
        return CsvRows.of(RecoveryBalancesReport.Claim.class, recoveryBalances(municipality, householdId, status, page, size).items());
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
        return reconciliation.report(scoped(municipality), first, last, request.page(), request.size());
    }

    @GetMapping(path = "/reconciliation", produces = "text/csv")
    ResponseEntity<String> reconciliationCsv(@RequestParam String municipality, @RequestParam String from, @RequestParam String to,
                                             @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return CsvRows.of(BatchRow.class, reconciliation(municipality, from, to, page, size).items().stream().map(BatchRow::of).toList());
    }

    /** One bucket of a duration report. */
    record BucketRow(String from, String to, String bucket, long households) {
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

    private MunicipalityCode scoped(String municipality) {
        MunicipalityCode code = parse("municipality", municipality, value -> {
            if (!MunicipalityCode.isValid(value)) {
                throw new IllegalArgumentException("must be a Swedish municipality code, e.g. 0488");
            }
            return MunicipalityCode.of(value);
        });
        access.requireMayActIn(code);
        return code;
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
