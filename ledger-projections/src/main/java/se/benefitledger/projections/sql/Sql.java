package se.benefitledger.projections.sql;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.benefitledger.core.shared.MunicipalityCode;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Conversions between the read models' columns and Java values. */
public final class Sql {

    private Sql() {
    }

    /** Rows per JDBC batch: large batches cost memory for no more speed. */
    static final int BATCH = 1_000;

    /** Runs the statement for every row, {@value #BATCH} rows per JDBC batch. */
    public static void batchUpdate(JdbcTemplate jdbc, String sql, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + BATCH)));
        }
    }

    /**
     * The municipality of one object of a read-model table; with {@code lock}, the row is locked for
     * the caller's transaction (commands on one object then run one after the other).
     */
    public static Optional<MunicipalityCode> municipality(JdbcClient jdbc, String table, String idColumn, UUID id, boolean lock) {
        return jdbc.sql("SELECT municipality FROM " + table + " WHERE " + idColumn + " = ?" + (lock ? " FOR UPDATE" : ""))
                   .param(id)
                   .query((rs, row) -> MunicipalityCode.of(rs.getString(1)))
                   .optional();
    }

    /** The municipalities of those of the ids that exist, in one query. */
    public static Map<UUID, MunicipalityCode> municipalities(JdbcClient jdbc, String table, String idColumn, Collection<UUID> ids) {
        var found = new HashMap<UUID, MunicipalityCode>();
        jdbc.sql("SELECT " + idColumn + ", municipality FROM " + table + " WHERE " + idColumn + " = ANY (?)")
            .param(ids.toArray(UUID[]::new))
            .query(rs -> {
                found.put(rs.getObject(1, UUID.class), MunicipalityCode.of(rs.getString(2)));
            });
        return found;
    }

    public static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }
}
