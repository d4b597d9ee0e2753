package se.benefitledger.api.eventstore;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.Projections;
import se.benefitledger.api.support.TestPostgres;
import se.benefitledger.api.support.Users;
import se.benefitledger.core.decision.DecisionRevokedEvent;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A revocation stored in its old shape (no revision, no reason) reads in the current one everywhere events are read. */
@LedgerApiTest
// a database of its own: the test rewrites a stored event, which breaks the hash chain IntegrityTest verifies
@TestPropertySource(properties = "ledger.integrity.chain-interval=5s")
class DecisionRevokedEventUpcasterTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Value("${spring.datasource.url}")
    String databaseUrl;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void readsARevocationStoredWithoutRevisionAndReasonAsRevisionOneWithReasonNotRecorded() throws Exception {
        var ledger = new Ledger(port);
        String household = ledger.household("0488");
        String decision = ledger.decision(household, "2021-03", "10000.00");
        assertThat(Users.NILS.on(port).post("/api/v1/decisions/" + decision + "/revocation", "{\"reason\": \"wrong benefit month\"}").status()).isEqualTo(200);
        Projections.awaitCaughtUp(processing, jdbc);
        // the service's role may not rewrite the event store: the owner stores the event as an older version would have
        try (var owner = TestPostgres.asOwner(databaseUrl); var statement = owner.prepareStatement("""
                UPDATE domain_event_entry SET payload_revision = NULL, payload = convert_to((convert_from(payload, 'UTF8')::jsonb - 'reason')::text, 'UTF8')
                WHERE aggregate_identifier = ? AND payload_type = ?""")) {
            statement.setString(1, decision);
            statement.setString(2, DecisionRevokedEvent.class.getName());
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }

        List<DecisionRevokedEvent> read = eventStore.readEvents(decision).asStream().map(event -> event.getPayload())
                .filter(DecisionRevokedEvent.class::isInstance).map(DecisionRevokedEvent.class::cast).toList();
        assertThat(read).singleElement().extracting(DecisionRevokedEvent::reason).isEqualTo("not recorded");

        var history = Users.INES.on(port).get("/api/v1/households/" + household + "/history");
        assertThat(history.<List<String>>json("$.items[?(@.type == 'DecisionRevoked')].reason")).containsExactly("not recorded");
        assertThat(history.<List<String>>json("$.items[?(@.type == 'DecisionRevoked')].data.reason")).containsExactly("not recorded");
    }
}
