package se.benefitledger.api.report;

import org.springframework.stereotype.Service;
import se.benefitledger.api.security.AccessControl;
import se.benefitledger.core.recovery.ClaimStatus;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.projections.balances.RecoveryBalanceQueries;
import se.benefitledger.projections.balances.RecoveryBalancesReport;
import se.benefitledger.projections.balances.RecoveryFlowsReport;
import se.benefitledger.projections.duration.ConsecutiveMonthsReport;
import se.benefitledger.projections.duration.DurationQueries;
import se.benefitledger.projections.duration.DurationReport;
import se.benefitledger.projections.kpi.KpiQueries;
import se.benefitledger.projections.kpi.KpiReport;
import se.benefitledger.projections.reconciliation.ReconciliationQueries;
import se.benefitledger.projections.reconciliation.ReconciliationReport;
import se.benefitledger.projections.spend.MonthlySpendQueries;
import se.benefitledger.projections.spend.MonthlySpendReport;
import se.benefitledger.projections.spend.SpendBasis;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.UUID;

/**
 * The reports, for the API and the console alike: each first checks that the caller may report on the municipality
 * (403 otherwise). Inputs arrive parsed and within bounds.
 */
@Service
public class ReportService {

    private final AccessControl access;
    private final MonthlySpendQueries spend;
    private final DurationQueries duration;
    private final RecoveryBalanceQueries balances;
    private final ReconciliationQueries reconciliation;
    private final KpiQueries kpi;

    ReportService(AccessControl access, MonthlySpendQueries spend, DurationQueries duration, RecoveryBalanceQueries balances,
                  ReconciliationQueries reconciliation, KpiQueries kpi) {
        this.access = access;
        this.spend = spend;
        this.duration = duration;
        this.balances = balances;
        this.reconciliation = reconciliation;
        this.kpi = kpi;
    }

    public MonthlySpendReport monthlySpend(MunicipalityCode municipality, SpendBasis basis, YearMonth from, YearMonth to) {
        access.requireMayActIn(municipality);
        return spend.report(municipality, basis, from, to);
    }

    /** The 12 months ending with {@code month}. */
    public DurationReport rollingDuration(MunicipalityCode municipality, YearMonth month) {
        access.requireMayActIn(municipality);
        return duration.rolling(municipality, month);
    }

    public DurationReport calendarYearDuration(MunicipalityCode municipality, Year year) {
        access.requireMayActIn(municipality);
        return duration.calendarYear(municipality, year);
    }

    public ConsecutiveMonthsReport consecutiveMonths(MunicipalityCode municipality, YearMonth month, int min, int page, int size) {
        access.requireMayActIn(municipality);
        return duration.consecutive(municipality, month, min, page, size);
    }

    public KpiReport kpi(MunicipalityCode municipality, Year year) {
        access.requireMayActIn(municipality);
        return kpi.report(municipality, year);
    }

    public RecoveryBalancesReport recoveryBalances(MunicipalityCode municipality, UUID householdId, ClaimStatus status, LocalDate asOf,
                                                   int page, int size) {
        access.requireMayActIn(municipality);
        return balances.report(municipality, householdId, status, asOf, page, size);
    }

    public RecoveryFlowsReport recoveryFlows(MunicipalityCode municipality, YearMonth from, YearMonth to) {
        access.requireMayActIn(municipality);
        return balances.flows(municipality, from, to);
    }

    public ReconciliationReport reconciliation(MunicipalityCode municipality, LocalDate from, LocalDate to, int page, int size) {
        access.requireMayActIn(municipality);
        return reconciliation.report(municipality, from, to, page, size);
    }
}
