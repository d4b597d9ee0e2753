package se.benefitledger.api.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.benefitledger.api.support.Http;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.People;
import se.benefitledger.api.support.Users;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@LedgerApiTest
class StoredEventsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventStorageEngine storage;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void storesEventsAsReadableJsonWithoutAnyPersonnummer() {
        String applicant = People.adult();
        String child = People.child();
        String householdId = Users.ANNA.on(port).post("/api/v1/households", """
                {"municipality": "0488", "members": [
                  {"personalIdentityNumber": "%s", "role": "APPLICANT"},
                  {"personalIdentityNumber": "%s", "role": "CHILD"}]}""".formatted(applicant, child)).json("$.householdId");

        String payload = jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8') FROM domain_event_entry
                        WHERE aggregate_identifier = ? AND payload_type LIKE '%HouseholdRegisteredEvent'""")
                             .param(householdId).query(String.class).single();
        assertThat(payload).startsWith("{").contains("\"householdId\":\"" + householdId + "\"")
                           .contains("\"municipality\":\"0488\"").contains("\"personId\"").contains("\"birthDate\"");

        List<String> stored = jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8') || coalesce(convert_from(meta_data, 'UTF8'), '') FROM domain_event_entry
                        UNION ALL SELECT convert_from(payload, 'UTF8') || coalesce(convert_from(meta_data, 'UTF8'), '') FROM snapshot_event_entry""")
                                  .query(String.class).list();
        assertThat(stored).isNotEmpty();
        for (String number : List.of(applicant, child)) {
            for (String form : List.of(number, number.substring(2), number.substring(2, 8) + "-" + number.substring(8))) {
                assertThat(stored).noneMatch(row -> row.contains(form));
            }
        }
    }

    @Test
    void takesTheGlobalIndexFromItsOwnSequence() {
        Map<String, Object> column = jdbc.sql("""
                        SELECT column_default, pg_get_serial_sequence('domain_event_entry', 'global_index') AS owned_sequence
                        FROM information_schema.columns WHERE table_name = 'domain_event_entry' AND column_name = 'global_index'""")
                                         .query().singleRow();
        assertThat(column.get("column_default")).asString().contains("nextval('domain_event_global_index_seq'");
        assertThat(column.get("owned_sequence")).asString().endsWith("domain_event_global_index_seq");
        assertThat(jdbc.sql("SELECT data_type FROM information_schema.columns WHERE table_name = 'domain_event_entry' AND column_name IN ('payload', 'meta_data')")
                       .query(String.class).list()).containsOnly("bytea");
        assertThat(jdbc.sql("SELECT count(*) FROM information_schema.columns WHERE data_type = 'oid' AND table_schema = 'public'")
                       .query(Long.class).single()).isZero();
    }

    @Test
    void anEventAtASequenceAlreadyTakenIsAConcurrentChangeNotAFailure() {
        String aggregate = UUID.randomUUID().toString();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            storage.appendEvents(event(aggregate, 0), event(aggregate, 1));

            assertThatThrownBy(() -> storage.appendEvents(event(aggregate, 1))).isInstanceOf(ConcurrencyException.class);
        });
    }

    private static DomainEventMessage<?> event(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("Test", aggregate, sequence, Map.of("sequence", sequence));
    }
}
