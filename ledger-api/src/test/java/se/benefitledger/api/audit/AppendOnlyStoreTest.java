package se.benefitledger.api.audit;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.Municipalities;
import se.benefitledger.api.support.LedgerApiTest;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The service connects as a role that may insert into the event store, its hash chain and the access log, but never
 * change or remove a row of them: the database itself refuses.
 */
@LedgerApiTest
class AppendOnlyStoreTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AppendOnlyCheck check;

    @Test
    void serviceRoleCannotUpdateOrDeleteStoredEvents() {
        new Ledger(port).household(Municipalities.fresh());
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single()).isPositive();

        assertRefused(() -> jdbc.sql("UPDATE domain_event_entry SET payload = payload").update());
        assertRefused(() -> jdbc.sql("DELETE FROM domain_event_entry").update());
        assertRefused(() -> jdbc.sql("TRUNCATE domain_event_entry").update());
    }

    @Test
    void serviceRoleCannotUpdateOrDeleteTheAccessLogOrTheHashChain() {
        assertRefused(() -> jdbc.sql("UPDATE pii_access_log SET actor = 'nobody'").update());
        assertRefused(() -> jdbc.sql("DELETE FROM pii_access_log").update());
        assertRefused(() -> jdbc.sql("DELETE FROM event_chain").update());
    }

    /** PostgreSQL's "permission denied for table …" (SQLSTATE 42501, insufficient privilege). */
    private static void assertRefused(ThrowingCallable statement) {
        assertThatThrownBy(statement).rootCause().isInstanceOf(SQLException.class)
                                     .hasMessageContaining("permission denied")
                                     .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
    }

    @Test
    void serviceRoleStillChangesReadModelsTokensAndTheVault() {
        assertThat(check.changeable()).isEmpty();
        jdbc.sql("UPDATE token_entry SET owner = owner").update();
        jdbc.sql("UPDATE pii_subject SET created_at = created_at WHERE false").update();
        jdbc.sql("DELETE FROM idempotency_key WHERE false").update();
        // projections are reset by truncating their tables (not done here: the test database is shared)
        assertThat(jdbc.sql("SELECT has_table_privilege(current_user, 'history_aggregate', 'TRUNCATE')").query(Boolean.class).single()).isTrue();
    }
}
