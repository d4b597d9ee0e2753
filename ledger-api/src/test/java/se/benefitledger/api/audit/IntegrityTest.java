package se.benefitledger.api.audit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.Municipalities;
import se.benefitledger.api.support.TestPostgres;
import se.benefitledger.api.support.Users;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /admin/integrity} recomputes the event store's hash chain: intact, it answers ok with every event
 * checked; an event changed behind the service's back (by the database owner, the only role that can) is found
 * and named by its global index.
 */
@LedgerApiTest
class IntegrityTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Value("${spring.datasource.url}")
    String databaseUrl;

    @Test
    void anIntactStoreVerifiesEveryEvent() {
        new Ledger(port).household(Municipalities.fresh());

        var answer = Users.ALVA.on(port).get("/api/v1/admin/integrity");

        assertThat(answer.status()).isEqualTo(200);
        assertThat((Boolean) answer.json("$.ok")).isTrue();
        assertThat(((Number) answer.json("$.checked")).longValue()).isEqualTo(events());
        assertThat((Object) answer.json("$.firstBrokenAt")).isNull();
    }

    @Test
    void aTamperedEventIsFoundAndNamed() throws Exception {
        var ledger = new Ledger(port);
        String household = ledger.household(Municipalities.fresh());
        ledger.decision(household, "2021-03", "9000.00");
        long tampered = jdbc.sql("SELECT min(global_index) FROM domain_event_entry WHERE aggregate_identifier = ?").param(household)
                            .query(Long.class).single();
        assertThat((Boolean) Users.ADAM.on(port).get("/api/v1/admin/integrity").json("$.ok")).isTrue();

        try (var owner = TestPostgres.asOwner(databaseUrl); var statement = owner.createStatement()) {
            statement.execute("UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), 'APPLICANT', 'CHILD'), 'UTF8')"
                              + " WHERE global_index = " + tampered);
            try {
                var answer = Users.ADAM.on(port).get("/api/v1/admin/integrity");

                assertThat((Boolean) answer.json("$.ok")).isFalse();
                assertThat(((Number) answer.json("$.firstBrokenAt")).longValue()).isEqualTo(tampered);
                assertThat(((Number) answer.json("$.checked")).longValue())
                        .isEqualTo(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE global_index < ?").param(tampered).query(Long.class).single());
            } finally {
                statement.execute("UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), 'CHILD', 'APPLICANT'), 'UTF8')"
                                  + " WHERE global_index = " + tampered);
            }
        }
        assertThat((Boolean) Users.ADAM.on(port).get("/api/v1/admin/integrity").json("$.ok")).isTrue();
    }

    @Test
    void aRemovedEventIsFound() throws Exception {
        String household = new Ledger(port).household(Municipalities.fresh());
        assertThat((Boolean) Users.ADAM.on(port).get("/api/v1/admin/integrity").json("$.ok")).isTrue();
        try (var owner = TestPostgres.asOwner(databaseUrl); var statement = owner.createStatement()) {
            var removed = statement.executeQuery("SELECT * FROM domain_event_entry WHERE aggregate_identifier = '" + household + "'");
            removed.next();
            long index = removed.getLong("global_index");
            statement.execute("CREATE TEMP TABLE removed AS SELECT * FROM domain_event_entry WHERE global_index = " + index);
            statement.execute("DELETE FROM domain_event_entry WHERE global_index = " + index);
            try {
                var answer = Users.ADAM.on(port).get("/api/v1/admin/integrity");

                assertThat((Boolean) answer.json("$.ok")).isFalse();
                assertThat(((Number) answer.json("$.firstBrokenAt")).longValue()).isEqualTo(index);
            } finally {
                statement.execute("INSERT INTO domain_event_entry SELECT * FROM removed");
            }
        }
    }

    private long events() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }
}
