package se.benefitledger.api.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import se.benefitledger.api.security.MunicipalityScope;
import se.benefitledger.core.shared.MunicipalityCode;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads the access log, newest first, within the municipalities an auditor may see. */
@Repository
class AccessLogQueries {

    record Filter(UUID subjectId, String actor, Instant from, Instant to, MunicipalityScope scope) {
    }

    record Page(List<AccessLogEntry> items, long total) {
    }

    private final JdbcClient jdbc;

    AccessLogQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Page find(Filter filter, long offset, int limit) {
        var where = new StringBuilder(" FROM pii_access_log WHERE accessed_at >= ? AND accessed_at < ?");
        var params = new ArrayList<Object>(List.of(Timestamp.from(filter.from()), Timestamp.from(filter.to())));
        if (filter.subjectId() != null) {
            where.append(" AND person_id = ?");
            params.add(filter.subjectId());
        }
        if (filter.actor() != null) {
            where.append(" AND actor = ?");
            params.add(filter.actor());
        }
        if (!filter.scope().all()) {
            // an entry of a request that acted in no municipality names no municipality's objects
            where.append(" AND (municipality IS NULL OR municipality = ANY (?))");
            params.add(filter.scope().municipalities().stream().map(MunicipalityCode::code).toArray(String[]::new));
        }
        long total = jdbc.sql("SELECT count(*)" + where).params(params).query(Long.class).single();
        var pageParams = new ArrayList<>(params);
        pageParams.add(offset);
        pageParams.add(limit);
        var items = jdbc.sql("""
                            SELECT accessed_at, actor, role, person_id, subject_kind, purpose, endpoint, correlation_id, request_id, municipality
                            """ + where + " ORDER BY accessed_at DESC, id DESC OFFSET ? LIMIT ?")
                        .params(pageParams)
                        .query((rs, row) -> new AccessLogEntry(rs.getTimestamp("accessed_at").toInstant(), rs.getString("actor"),
                                rs.getString("role"), rs.getObject("person_id", UUID.class), rs.getString("subject_kind"),
                                rs.getString("purpose"), rs.getString("endpoint"), rs.getString("correlation_id"),
                                rs.getString("request_id"), rs.getString("municipality")))
                        .list();
        return new Page(items, total);
    }
}
