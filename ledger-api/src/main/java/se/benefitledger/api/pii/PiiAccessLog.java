package se.benefitledger.api.pii;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import se.benefitledger.api.security.CurrentUser;
import se.benefitledger.api.security.LedgerUser;
import se.benefitledger.api.security.Role;
import se.benefitledger.api.web.LedgerRequest;

import java.util.Collection;
import java.util.UUID;

/** Records every read of personal data: shown unmasked, or searched for by personnummer. */
@Repository
public class PiiAccessLog {

    public enum Purpose { SHOWN_UNMASKED, LOOKED_UP_BY_PERSONNUMMER, PAYMENTS_SEARCHED_BY_ACCOUNT }

    private final JdbcClient jdbc;

    PiiAccessLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(Collection<UUID> personIds, Purpose purpose, Role role) {
        String actor = CurrentUser.get().map(LedgerUser::name).orElse("system");
        String requestId = LedgerRequest.current().map(LedgerRequest::requestId).orElse(null);
        for (UUID personId : personIds) {
            jdbc.sql("INSERT INTO pii_access_log (actor, role, person_id, purpose, request_id) VALUES (?, ?, ?, ?, ?)")
                .params(actor, role.name(), personId, purpose.name(), requestId)
                .update();
        }
    }
}
