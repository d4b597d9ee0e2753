package se.benefitledger.api.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Says at start-up whether the database keeps the event store, its hash chain and the access log append-only for
 * the role the service connects as (see {@code V79__service_role_privileges.sql}): a service that connects as the
 * schema's owner could change history, and the operator should know.
 */
@Component
class AppendOnlyCheck {

    static final List<String> APPEND_ONLY = List.of("domain_event_entry", "event_chain", "pii_access_log");
    private static final Logger log = LoggerFactory.getLogger(AppendOnlyCheck.class);
    private final JdbcClient jdbc;

    AppendOnlyCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnUnlessAppendOnly() {
        var changeable = changeable();
        if (!changeable.isEmpty()) {
            log.warn("The service's database role may update or delete {}: the audit trail is not append-only. "
                     + "Connect as a service role and migrate as the owner (spring.flyway.user), see docs/privacy-and-audit.md", changeable);
        }
    }

    List<String> changeable() {
        return APPEND_ONLY.stream()
                          .filter(table -> jdbc.sql("""
                                                SELECT has_table_privilege(current_user, ?, 'UPDATE') OR has_table_privilege(current_user, ?, 'DELETE')
                                                       OR has_table_privilege(current_user, ?, 'TRUNCATE')""")
                                               .params(table, table, table)
                                               .query(Boolean.class)
                                               .single())
                          .toList();
    }
}
