package se.benefitledger.api.console;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.benefitledger.api.input.InputBounds;
import se.benefitledger.api.report.ReportService;
import se.benefitledger.api.security.CurrentUser;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.projections.balances.RecoveryFlowsReport;
import se.benefitledger.projections.spend.MonthlySpendReport;
import se.benefitledger.projections.spend.SpendBasis;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Trends of one municipality as SVG charts drawn on the server: net paid per month on both bases over 24 months,
 * long-term households (10-12 assistance months in the rolling 12 months) per month, and recovery flows per
 * calendar year. Every figure comes from the report API's service, so a chart shows what the API answers.
 */
@Hidden
@Controller
@RequestMapping("/console/trends")
class TrendPages {

    static final int MONTHS = 24;
    static final int YEARS = 5;
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private final ReportService reports;
    private final Clock clock;

    TrendPages(ReportService reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    /** {@code to}: the last month shown, by default this month. */
    @GetMapping
    String trends(@RequestParam(required = false) String municipality, @RequestParam(required = false) String to, Model model) {
        model.addAttribute("municipalities", ConsoleModel.municipalities(CurrentUser.require()));
        model.addAttribute("municipality", municipality);
        YearMonth last = to == null || to.isBlank() ? YearMonth.now(clock.withZone(SWEDEN)) : ConsoleInput.parse("to", to, InputBounds::month);
        model.addAttribute("to", last.toString());
        if (municipality != null) {
            MunicipalityCode code = ConsoleInput.municipality(municipality);
            YearMonth first = last.minusMonths(MONTHS - 1L);
            model.addAttribute("charts", List.of(spend(code, first, last), longTerm(code, first, last), recovery(code, last)));
        }
        return "console/trends";
    }

    private Chart spend(MunicipalityCode municipality, YearMonth first, YearMonth last) {
        var byBenefitMonth = reports.monthlySpend(municipality, SpendBasis.BENEFIT_MONTH, first, last);
        var byPaymentDate = reports.monthlySpend(municipality, SpendBasis.PAYMENT_DATE, first, last);
        return Chart.line("Nettoutbetalt per månad", Chart.Unit.ORE, byBenefitMonth.months().stream().map(MonthlySpendReport.Month::month).toList(),
                List.of(netPaid(byBenefitMonth, "Per biståndsmånad"), netPaid(byPaymentDate, "Per utbetalningsdag")));
    }

    private static Chart.Input netPaid(MonthlySpendReport report, String label) {
        return new Chart.Input(report.basis().name(), label, report.months().stream()
                                                                   .map(month -> new Chart.Value(month.netPaid().ore(), month.netPaid().toString())).toList());
    }

    private Chart longTerm(MunicipalityCode municipality, YearMonth first, YearMonth last) {
        var months = Stream.iterate(first, month -> !month.isAfter(last), month -> month.plusMonths(1)).toList();
        var values = months.stream().map(month -> reports.rollingDuration(municipality, month).longTermHouseholds())
                           .map(count -> new Chart.Value(count, Long.toString(count))).toList();
        return Chart.line("Hushåll med långvarigt bistånd (10–12 av de senaste 12 månaderna)", Chart.Unit.COUNT,
                months.stream().map(YearMonth::toString).toList(), List.of(new Chart.Input("longTermHouseholds", "Hushåll", values)));
    }

    private Chart recovery(MunicipalityCode municipality, YearMonth last) {
        var report = reports.recoveryFlows(municipality, YearMonth.of(last.getYear() - YEARS + 1, 1), YearMonth.of(last.getYear(), 12));
        return Chart.bars("Återkrav per år", Chart.Unit.ORE, report.years().stream().map(year -> Integer.toString(year.year())).toList(), List.of(
                flow(report, "principalOpened", "Nya återkrav", RecoveryFlowsReport.Year::principalOpened),
                flow(report, "repaid", "Återbetalt", RecoveryFlowsReport.Year::repaid),
                flow(report, "waived", "Eftergivet", RecoveryFlowsReport.Year::waived),
                flow(report, "writtenOff", "Avskrivet", RecoveryFlowsReport.Year::writtenOff)));
    }

    private static Chart.Input flow(RecoveryFlowsReport report, String key, String label, Function<RecoveryFlowsReport.Year, Money> amount) {
        return new Chart.Input(key, label, report.years().stream().map(amount).map(money -> new Chart.Value(money.ore(), money.toString())).toList());
    }
}
