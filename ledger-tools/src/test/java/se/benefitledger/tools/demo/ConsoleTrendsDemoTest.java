package se.benefitledger.tools.demo;

import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.benefitledger.api.support.ConsoleSession;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.Municipalities;
import se.benefitledger.api.support.Projections;
import se.benefitledger.api.support.Users;
import se.benefitledger.core.shared.MunicipalityCode;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A municipality as the demo loader makes it (its plan generator, a year of 2025, loaded over the REST API), shown
 * in the console's trends: every point of every chart equals the report API's figure, and the charts have the
 * shape of such a year.
 */
@LedgerApiTest
class ConsoleTrendsDemoTest {

    /** The demo's S is 800 households; a smaller municipality of the same generator keeps the test short. */
    private static final int HOUSEHOLDS = Integer.getInteger("console.demo.households", 120);
    private static final Pattern SERIES = Pattern.compile("<g class=\"series s\\d+\" data-series=\"([^\"]+)\">(.*?)</g>", Pattern.DOTALL);
    private static final Pattern POINT = Pattern.compile("data-category=\"([^\"]+)\" data-value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theTrendChartsOfTheDemoMunicipalityShowTheReportApisFigures() {
        var municipality = MunicipalityCode.of(Municipalities.fresh());
        var plan = SyntheticPlan.ofHouseholds(SyntheticPlan.DEFAULT_SEED, HOUSEHOLDS, municipality, YearMonth.of(2025, 1), YearMonth.of(2025, 12));
        DemoLoader.load(plan, URI.create("http://localhost:" + port), new RestWriter.Users("nils:secret", "frida:secret", "ines:secret"), 4,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        Projections.awaitCaughtUp(processing, jdbc);
        String code = municipality.code();

        var page = ConsoleSession.login(port, Users.RUT).get("/console/trends?municipality=" + code + "&to=2025-12");

        assertThat(page.status()).isEqualTo(200);
        var charts = series(page.body());
        var api = Users.RUT.on(port);
        var months = Stream.iterate(YearMonth.of(2024, 1), month -> !month.isAfter(YearMonth.of(2025, 12)), month -> month.plusMonths(1))
                           .map(YearMonth::toString).toList();
        for (String basis : List.of("BENEFIT_MONTH", "PAYMENT_DATE")) {
            var report = api.get("/api/v1/reports/monthly-spend?municipality=" + code + "&from=2024-01&to=2025-12&basis=" + basis);
            assertThat(charts.get(basis).keySet()).containsExactlyElementsOf(months);
            assertThat(charts.get(basis).values()).as(basis).containsExactlyElementsOf(report.<List<String>>json("$.months[*].netPaid"));
        }
        for (String month : months) {
            var rolling = api.get("/api/v1/reports/duration-buckets?municipality=" + code + "&month=" + month);
            assertThat(charts.get("longTermHouseholds").get(month)).as(month)
                                                              .isEqualTo(String.valueOf(rolling.<Integer>json("$.longTermHouseholds")));
        }
        var flows = api.get("/api/v1/reports/recovery-flows?municipality=" + code + "&from=2021-01&to=2025-12");
        for (String flow : List.of("principalOpened", "repaid", "waived", "writtenOff")) {
            assertThat(charts.get(flow).keySet()).containsExactly("2021", "2022", "2023", "2024", "2025");
            assertThat(charts.get(flow).values()).as(flow).containsExactlyElementsOf(flows.<List<String>>json("$.years[*]." + flow));
        }

        // the shape of a first year: nothing in 2024, money every month of 2025, long-term households only once
        // ten months of 2025 fall in the rolling window, and claims opened and repaid in 2025
        assertThat(charts.get("BENEFIT_MONTH").entrySet()).allSatisfy(month -> assertThat(month.getValue().equals("0.00"))
                .isEqualTo(month.getKey().startsWith("2024")));
        assertThat(charts.get("longTermHouseholds").entrySet()).allSatisfy(month -> assertThat(month.getValue().equals("0"))
                .isEqualTo(month.getKey().compareTo("2025-10") < 0));
        assertThat(Long.parseLong(charts.get("longTermHouseholds").get("2025-12")))
                .isGreaterThanOrEqualTo(Long.parseLong(charts.get("longTermHouseholds").get("2025-10")));
        assertThat(charts.get("principalOpened").get("2025")).isNotEqualTo("0.00");
        assertThat(charts.get("principalOpened").get("2024")).isEqualTo("0.00");
    }

    /** Each series of the page: its points' values by category, in the order drawn. */
    private static Map<String, Map<String, String>> series(String html) {
        var series = new LinkedHashMap<String, Map<String, String>>();
        var groups = SERIES.matcher(html);
        while (groups.find()) {
            var points = new LinkedHashMap<String, String>();
            var point = POINT.matcher(groups.group(2));
            while (point.find()) {
                points.put(point.group(1), point.group(2));
            }
            series.put(groups.group(1), points);
        }
        return series;
    }
}
