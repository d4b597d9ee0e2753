package se.benefitledger.api.pii;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import se.benefitledger.api.security.CurrentUser;
import se.benefitledger.api.security.EndpointPolicy;
import se.benefitledger.api.security.LedgerUser;
import se.benefitledger.api.security.Role;
import se.benefitledger.api.web.LedgerRequest;
import se.benefitledger.core.shared.MunicipalityCode;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The one mechanism for the read-access log: every answer that shows personal data (a personnummer unmasked, a
 * payee's name or account, a household's history, a bank file, an export) records one entry per data subject it
 * shows, with actor, role, endpoint, correlation id and time, before the data leaves the service. The entry is
 * written in the caller's transaction when there is one (a POST: the answer is sent only after it commits) and
 * on its own otherwise, always before the answer is written: when it cannot be written the request fails and
 * nothing is shown. A subject shown twice in one request is logged once. Rows are only ever inserted (the
 * service's database role may not update or delete them).
 */
@Repository
public class PiiAccessLog {

    public enum Purpose {
        /** a personnummer shown unmasked */
        SHOWN_UNMASKED,
        /** a person searched for by personnummer */
        LOOKED_UP_BY_PERSONNUMMER,
        /** a payee's name and account shown */
        PAYEE_SHOWN,
        /** a household's history shown: its members are the subjects */
        HISTORY_SHOWN,
        /** a payee written into a payout batch's bank file */
        BANK_FILE,
        /** a personnummer written into a statistics export */
        EXPORTED,
        /** payees found by a search for payments to one account */
        PAYMENTS_SEARCHED_BY_ACCOUNT
    }

    /** What kind of vault subject an entry names: a person (found by personnummer) or a payee. */
    public enum SubjectKind { PERSON, PAYEE }

    private static final String SHOWN_IN_REQUEST = PiiAccessLog.class.getName() + ".shown";
    private static final String DECRYPTED_IN_REQUEST = PiiAccessLog.class.getName() + ".decrypted";

    private final JdbcClient jdbc;

    PiiAccessLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Persons shown or looked up, by the role the caller acts in. */
    public void record(Collection<UUID> personIds, Purpose purpose, Role role) {
        record(SubjectKind.PERSON, personIds, purpose, role);
    }

    /** Subjects shown to the caller, acting in the role the endpoint grants it. */
    public void shown(SubjectKind kind, Collection<UUID> subjectIds, Purpose purpose) {
        record(kind, subjectIds, purpose, actingRole().orElse(null));
    }

    /**
     * Every payee of a payout batch whose data the bank file shows (not the erased ones), before the file is written:
     * committed on its own, since the file is streamed and its bytes leave the service while the file's own (read-only)
     * transaction still runs.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void payeesOfBatch(UUID batchId) {
        shown(SubjectKind.PAYEE, jdbc.sql("""
                                           SELECT DISTINCT payee_id FROM payment
                                           WHERE batch_id = ? AND EXISTS (SELECT 1 FROM pii_subject WHERE subject_id = payee_id AND wrapped_key IS NOT NULL)""")
                                     .param(batchId).query(UUID.class).list(),
                Purpose.BANK_FILE);
    }

    /** The subjects this request has shown so far: a stored idempotent response names them, so that erasure finds it. */
    public static Set<UUID> shownIn(HttpServletRequest request) {
        @SuppressWarnings("unchecked")
        var shown = (Set<UUID>) request.getAttribute(SHOWN_IN_REQUEST);
        return shown == null ? Set.of() : shown;
    }

    /**
     * The vault subjects whose data this request decrypted, shown masked or in full: what a stored idempotent
     * response may contain, and what erasure must redact in it.
     */
    public static Set<UUID> decryptedIn(HttpServletRequest request) {
        @SuppressWarnings("unchecked")
        var decrypted = (Set<UUID>) request.getAttribute(DECRYPTED_IN_REQUEST);
        return decrypted == null ? Set.of() : decrypted;
    }

    /** Called by the vault for every subject it decrypts while serving a request. */
    static void decrypted(UUID subjectId) {
        currentRequest().ifPresent(request -> {
            var decrypted = new LinkedHashSet<>(decryptedIn(request));
            if (decrypted.add(subjectId)) {
                request.setAttribute(DECRYPTED_IN_REQUEST, decrypted);
            }
        });
    }

    /**
     * A stored response replayed to its caller shows its subjects again: payees, and persons to a role that sees
     * personnummer unmasked (erased subjects were redacted from it and are not shown).
     */
    public void replayed(Collection<UUID> subjectIds) {
        if (subjectIds.isEmpty()) {
            return;
        }
        var role = actingRole();
        var kinds = jdbc.sql("SELECT subject_id, kind FROM pii_subject WHERE subject_id = ANY (?) AND wrapped_key IS NOT NULL")
                        .param(subjectIds.toArray(UUID[]::new))
                        .query((rs, row) -> new Object[]{rs.getObject(1, UUID.class), SubjectKind.valueOf(rs.getString(2))})
                        .list();
        shown(SubjectKind.PAYEE, kinds.stream().filter(pair -> pair[1] == SubjectKind.PAYEE).map(pair -> (UUID) pair[0]).toList(),
                Purpose.PAYEE_SHOWN);
        if (role.map(Role::seesPersonalIdentityNumbers).orElse(false)) {
            shown(SubjectKind.PERSON, kinds.stream().filter(pair -> pair[1] == SubjectKind.PERSON).map(pair -> (UUID) pair[0]).toList(),
                    Purpose.SHOWN_UNMASKED);
        }
    }

    /**
     * Persons shown by an answer that is logged on every call (the statistics export): when it shows no one, one entry
     * without a subject records the call itself.
     */
    public void everyCall(Collection<UUID> personIds, Purpose purpose, Role role) {
        if (personIds.stream().allMatch(Objects::isNull)) {
            insert(null, new UUID[]{null}, purpose, role);
        } else {
            record(SubjectKind.PERSON, personIds, purpose, role);
        }
    }

    private void record(SubjectKind kind, Collection<UUID> subjectIds, Purpose purpose, Role role) {
        var request = currentRequest();
        Set<UUID> fresh = new LinkedHashSet<>(subjectIds);
        fresh.remove(null);
        request.ifPresent(it -> fresh.removeAll(shownIn(it)));
        if (fresh.isEmpty()) {
            return;
        }
        insert(kind, fresh.toArray(UUID[]::new), purpose, role);
        request.ifPresent(it -> {
            var shown = new LinkedHashSet<>(shownIn(it));
            shown.addAll(fresh);
            it.setAttribute(SHOWN_IN_REQUEST, shown);
        });
    }

    /** One row per subject; a null subject (and kind) logs a call that showed no one. */
    private void insert(SubjectKind kind, UUID[] subjectIds, Purpose purpose, Role role) {
        var ledgerRequest = LedgerRequest.current();
        String actor = CurrentUser.get().map(LedgerUser::name).orElse("system");
        String endpoint = currentRequest().map(it -> it.getMethod() + " " + it.getRequestURI()).orElse(null);
        try {
            jdbc.sql("""
                        INSERT INTO pii_access_log (actor, role, person_id, subject_kind, purpose, endpoint, request_id, correlation_id, municipality)
                        SELECT ?, ?, subject_id, ?, ?, ?, ?, ?, ? FROM unnest(?::uuid[]) AS subject (subject_id)""")
                .params(actor, role == null ? "SYSTEM" : role.name(), kind == null ? null : kind.name(), purpose.name(), endpoint,
                        ledgerRequest.map(LedgerRequest::requestId).orElse(null), ledgerRequest.map(LedgerRequest::correlationId).orElse(null),
                        ledgerRequest.flatMap(LedgerRequest::municipality).map(MunicipalityCode::code).orElse(null), subjectIds)
                .update();
        } catch (DataAccessException e) {
            throw new AccessLogUnavailable(e);
        }
    }

    private static Optional<Role> actingRole() {
        return currentRequest().flatMap(request -> CurrentUser.get().flatMap(user -> EndpointPolicy.match(request)
                                                                                                   .flatMap(entry -> entry.actingRole(user))));
    }

    private static Optional<HttpServletRequest> currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? Optional.of(attributes.getRequest()) : Optional.empty();
    }
}
