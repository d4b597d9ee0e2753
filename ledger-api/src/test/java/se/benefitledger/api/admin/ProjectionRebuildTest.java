package se.benefitledger.api.admin;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.Municipalities;
import se.benefitledger.api.support.Projections;
import se.benefitledger.api.support.Users;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a rebuild from zero, every projection table holds exactly the rows the incremental build wrote. The shared
 * replay keeps its first 500 events for projections joining late (instead of 3,000), so that this store, a few
 * thousand events, is enough to show all six reports sharing one read; and it waits 5 s for them to join (instead of
 * 2 s), since a busy test machine may take longer to reset six processors one after another.
 */
@LedgerApiTest
@TestPropertySource(properties = {"ledger.projections.shared-replay.max-ahead=500", "ledger.projections.shared-replay.join-window=5s"})
class ProjectionRebuildTest {

    private static final List<String> TABLES = List.of("spend_month", "spend_household_month", "spend_person_month", "spend_person_year", "spend_membership",
            "duration_household_month", "duration_household_year", "recovery_balance", "reconciliation_batch", "reconciliation_payment", "history_aggregate", "recovered_cash_month");
    private static final List<String> PROJECTIONS = List.of("monthly-spend", "duration-buckets", "recovery-balances", "reconciliation",
            "household-history", "recovered-cash");

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry metrics;

    @Test
    void aRebuildFromZeroReproducesEveryTableRowByRow() throws Exception {
        String municipality = randomHistoryCaughtUp(7L);
        Map<String, List<String>> incremental = snapshot();
        long events = jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
        assertThat(events).as("more than the shared replay keeps for late joiners").isGreaterThan(500);
        double convoys = replayCount("convoys");
        double riders = replayCount("riders");
        double replayed = replayCount("events");
        assertThat(incremental.get("spend_month")).isNotEmpty();
        assertThat(incremental.get("reconciliation_payment")).isNotEmpty();

        var adam = Users.ADAM.on(port);
        for (String projection : PROJECTIONS) {
            var accepted = adam.post("/api/v1/admin/projections/" + projection + "/rebuild", "");
            assertThat(accepted.status()).as(projection).isEqualTo(202);
            assertThat(accepted.<String>json("$.status")).isEqualTo("REBUILDING");
        }
        var duringRebuild = Users.RUT.on(port).get("/api/v1/reports/monthly-spend?municipality=" + municipality + "&from=2020-01&to=2021-12");
        assertThat(duringRebuild.status()).as("reports keep answering during a rebuild").isEqualTo(200);
        awaitRunning(adam);

        assertThat(snapshot()).isEqualTo(incremental);
        assertThat(replayCount("convoys") - convoys).as("one shared read of the store").isOne();
        assertThat(replayCount("riders") - riders).as("by every report").isGreaterThanOrEqualTo(PROJECTIONS.size());
        assertThat(replayCount("events") - replayed).as("each event read once").isEqualTo(events);
        assertThat(replayCount("left.behind")).isZero();
    }

    private double replayCount(String counter) {
        return metrics.counter("ledger.projection.replay." + counter).count();
    }

    @Test
    void aPaymentReturnedInALaterBatchLeavesNoEmptyRowsARebuildWouldNotHave() {
        var paid = new Ledger(port).executedPayment("3000.00", "2021-03");
        Projections.awaitCaughtUp(processing, jdbc);

        var returned = Users.FRIDA.on(port).post("/api/v1/payments/" + paid.paymentId() + "/return",
                "{\"returnedOn\": \"2021-03-02\", \"reason\": \"account closed\"}");
        assertThat(returned.status()).isEqualTo(200);
        Projections.awaitCaughtUp(processing, jdbc);

        UUID household = UUID.fromString(paid.householdId());
        assertThat(jdbc.sql("SELECT count(*) FROM spend_household_month WHERE household_id = ?").param(household).query(Long.class).single())
                .as("no household month of a returned payment").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM duration_household_month WHERE household_id = ?").param(household).query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM duration_household_year WHERE household_id = ?").param(household).query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM spend_person_year y JOIN spend_membership ms ON ms.person_id = y.person_id
                        WHERE ms.household_id = ?""").param(household).query(Long.class).single())
                .as("no person year of the household's members").isZero();
    }

    @Test
    void aSecondPaymentOfAMonthAlreadyLiveLeavesTheDurationYearRowUnwritten() {
        var ledger = new Ledger(port);
        String municipality = Municipalities.fresh();
        String household = ledger.household(municipality);
        String decision = ledger.decision(household, "2021-03", "5000.00");
        String first = ledger.payment(decision, "2000.00", "2021-02-25");
        ledger.settle(ledger.batch(municipality, "2021-02-25").json("$.batchId"), "2021-02-25", first, "EXECUTED");
        Projections.awaitCaughtUp(processing, jdbc);
        var year = jdbc.sql("SELECT xmin::text || ':' || months FROM duration_household_year WHERE household_id = ?")
                       .param(UUID.fromString(household));
        String before = year.query(String.class).single();

        String second = ledger.payment(decision, "2000.00", "2021-02-26");
        ledger.settle(ledger.batch(municipality, "2021-02-26").json("$.batchId"), "2021-02-26", second, "EXECUTED");
        Projections.awaitCaughtUp(processing, jdbc);

        assertThat(jdbc.sql("SELECT live_payments FROM duration_household_month WHERE household_id = ?").param(UUID.fromString(household))
                       .query(Integer.class).single()).as("the month counts both payments").isEqualTo(2);
        assertThat(year.query(String.class).single()).as("the year's months did not change, so no new row version was written")
                                                     .isEqualTo(before);
    }

    @Test
    void theMigrationFillsThePersonYearsAsTheProjectionKeepsThem() throws Exception {
        String municipality = randomHistoryCaughtUp(8L);
        String migration = new String(getClass().getResourceAsStream("/db/migration/V92__spend_person_year.sql").readAllBytes(),
                StandardCharsets.UTF_8);
        String backfill = migration.substring(migration.lastIndexOf("SELECT municipality"), migration.lastIndexOf(';'));

        var kept = jdbc.sql("SELECT t::text FROM spend_person_year t WHERE municipality = ? ORDER BY 1").param(municipality)
                       .query(String.class).list();
        assertThat(kept).isNotEmpty();
        assertThat(jdbc.sql("SELECT t::text FROM (" + backfill + ") t WHERE municipality = ? ORDER BY 1").param(municipality)
                       .query(String.class).list()).isEqualTo(kept);
    }

    @Test
    void listsEveryProjectionWithItsPositionAndLag() {
        Projections.awaitCaughtUp(processing, jdbc);
        var listed = Users.ADAM.on(port).get("/api/v1/admin/projections");

        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.<List<String>>json("$.items[*].name")).containsExactlyInAnyOrderElementsOf(PROJECTIONS);
        assertThat(listed.<List<String>>json("$.items[*].status")).containsOnly("RUNNING");
        assertThat(listed.<List<Integer>>json("$.items[*].lag")).containsOnly(0);
        assertThat(listed.<List<Integer>>json("$.items[*].deadLetters")).containsOnly(0);
        assertThat(listed.<List<Object>>json("$.items[*].error")).containsOnlyNulls();
        assertThat(Users.ADAM.on(port).post("/api/v1/admin/projections/no-such-projection/rebuild", "").status()).isEqualTo(404);
        for (String projection : PROJECTIONS) {
            var lag = metrics.find("ledger.projection.lag").tag("processor", projection).gauge();
            assertThat(lag).as("lag gauge of " + projection).isNotNull();
            assertThat(lag.value()).isZero();
            assertThat(metrics.find("ledger.projection.status").tags("processor", projection, "status", "RUNNING").gauge().value()).isOne();
            assertThat(metrics.find("ledger.projection.status").tags("processor", projection, "status", "ERROR").gauge().value()).isZero();
        }
    }

    private void awaitRunning(se.benefitledger.api.support.Http adam) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (true) {
            var listed = adam.get("/api/v1/admin/projections");
            List<String> states = listed.json("$.items[*].status");
            List<Integer> lags = listed.json("$.items[*].lag");
            if (states.stream().allMatch("RUNNING"::equals) && lags.stream().allMatch(lag -> lag != null && lag == 0)) {
                return;
            }
            assertThat(Instant.now()).as("rebuilds finish: " + listed.body()).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    /** A random history of a fresh municipality, stored and followed by every projection; answers the municipality. */
    private String randomHistoryCaughtUp(long seed) throws InterruptedException {
        String municipality = Municipalities.fresh();
        var history = new se.benefitledger.api.report.RandomHistoryForTests(seed, municipality).events();
        for (int from = 0; from < history.size(); from += 500) {
            eventStore.publish(history.subList(from, Math.min(history.size(), from + 500)));
        }
        Projections.awaitCaughtUp(processing, jdbc);
        return municipality;
    }

    private Map<String, List<String>> snapshot() {
        var tables = new LinkedHashMap<String, List<String>>();
        for (String table : TABLES) {
            tables.put(table, jdbc.sql("SELECT t::text FROM " + table + " t ORDER BY 1").query(String.class).list());
        }
        return tables;
    }
}
