package se.benefitledger.tools.demo;

import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.Municipalities;
import se.benefitledger.api.support.Projections;
import se.benefitledger.api.support.Users;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The demo loader against the real service over HTTP: what it stores is what the plan says, and a second run stores nothing new. */
@LedgerApiTest
class DemoLoaderTest {

    private static final RestWriter.Users USERS = new RestWriter.Users("nils:secret", "frida:secret", "ines:secret");

    @LocalServerPort
    int port;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcClient jdbc;

    @Test
    void loadsAPlanThroughTheRestApiAndReplaysItWhenRunAgain() {
        var municipality = MunicipalityCode.of(Municipalities.fresh());
        var plan = SyntheticPlan.ofHouseholds(3, 150, municipality, YearMonth.of(2025, 1), YearMonth.of(2025, 6));
        var expected = PlanSummary.of(plan);
        assertThat(expected.claims()).as("the plan exercises recovery claims").isPositive();
        assertThat(expected.returned()).as("and returns").isPositive();
        assertThat(expected.rejected()).as("and bank rejections").isPositive();
        var out = new ByteArrayOutputStream();

        var first = DemoLoader.load(plan, URI.create("http://localhost:" + port), USERS, 4, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("2025-01 done", "2025-06 done", "done: " + String.format("%,d", first) + " requests");
        Projections.awaitCaughtUp(processing, jdbc);
        var rut = Users.RUT.on(port);
        var balances = rut.get("/api/v1/reports/recovery-balances?municipality=" + municipality.code());
        assertThat(balances.<Integer>json("$.totals.claims")).isEqualTo((int) expected.claims());
        assertThat(balances.<String>json("$.totals.principal")).isEqualTo(principal(plan).toString());
        var batches = rut.get("/api/v1/reports/reconciliation?municipality=" + municipality.code() + "&from=2025-01-01&to=2025-06-30&size=500");
        assertThat(batches.<List<Integer>>json("$.items[*].unsettledCount")).allMatch(unsettled -> unsettled == 0);
        assertThat(batches.<List<List<?>>>json("$.items[*].discrepancies")).allMatch(List::isEmpty);
        assertThat(batches.<List<Integer>>json("$.items[*].returnedCount").stream().mapToInt(Integer::intValue).sum()).isEqualTo((int) expected.returned());
        var spend = rut.get("/api/v1/reports/monthly-spend?municipality=" + municipality.code() + "&from=2025-01&to=2025-06").<String>json("$.totals.executed");
        long events = jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();

        var again = DemoLoader.load(plan, URI.create("http://localhost:" + port), USERS, 4, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertThat(again).isEqualTo(first);
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single()).as("replayed, nothing stored").isEqualTo(events);
        Projections.awaitCaughtUp(processing, jdbc);
        assertThat(rut.get("/api/v1/reports/monthly-spend?municipality=" + municipality.code() + "&from=2025-01&to=2025-06").<String>json("$.totals.executed"))
                .isEqualTo(spend);
    }

    @Test
    void stopsWithTheServiceAnswerWhenAUserMayNotWrite() {
        var plan = SyntheticPlan.ofHouseholds(3, 5, MunicipalityCode.of(Municipalities.fresh()), YearMonth.of(2025, 1), YearMonth.of(2025, 1));
        var notCaseworker = new RestWriter.Users("rut:secret", "frida:secret", "ines:secret");

        assertThatThrownBy(() -> DemoLoader.load(plan, URI.create("http://localhost:" + port), notCaseworker, 2,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                .hasMessageContaining("POST /households answered 403");
    }

    @Test
    void rejectsOptionsItDoesNotKnow() {
        assertThatThrownBy(() -> DemoLoader.Options.parse("--size", "NATIONAL")).hasMessageContaining("one municipality");
        assertThatThrownBy(() -> DemoLoader.Options.parse("--colour", "red")).hasMessageContaining("expected one of");
        assertThat(DemoLoader.Options.parse("--size", "m", "--municipality", "0180").size()).isEqualTo(Scale.M);
        assertThat(DemoLoader.Options.parse("--shape", "strangnas-2021").shape()).isEqualTo(Shape.STRANGNAS_2021);
        assertThatThrownBy(() -> DemoLoader.Options.parse("--shape", "strangnas-2021", "--months", "2025-01..2025-02"))
                .hasMessageContaining("own municipality, size and months");
        assertThatThrownBy(() -> DemoLoader.Options.parse("--only", "claimants")).hasMessageContaining("goes with a --shape");
        assertThatThrownBy(() -> DemoLoader.Options.parse("--shape", "uppsala")).hasMessageContaining("known: strangnas-2021, vasteras-2020");
    }

    private static Money principal(SyntheticPlan plan) {
        return plan.months().stream().flatMap(month -> plan.month(month, plan.shares().get(0)).claims().stream())
                .map(PlannedClaim::principal).reduce(Money.ZERO, Money::plus);
    }
}
