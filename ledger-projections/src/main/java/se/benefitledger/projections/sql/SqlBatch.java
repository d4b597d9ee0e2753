package se.benefitledger.projections.sql;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.lang.reflect.Array;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Read-model writes of one batch of events, sent as JDBC batches when the batch's unit of work
 * prepares to commit (inside its transaction, before its token is committed) instead of one round
 * trip per event. Statements keep their order; consecutive runs of the same SQL form one batch,
 * and consecutive runs of the same {@link #row row statement} one statement; {@link #insertNew new
 * rows} go first, a batch per statement. Handlers using this must not read back what they wrote
 * within the same batch.
 */
@Component
public class SqlBatch {

    private static final String PENDING = SqlBatch.class.getName();
    private final JdbcTemplate jdbc;

    SqlBatch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * An INSERT of a row that no statement of the batch before it can have touched: a row of an
     * aggregate whose first event is in the batch, in a table whose only constraints are its key and
     * references (a unique index over other columns ties the row to rows an earlier statement may
     * change: such an insert keeps its place, {@link #update}). The batch's rows of each such statement go as one
     * JDBC batch, before the batch's other statements (which may change them), the statements in the
     * order each first came; a new row may reference new rows of a statement that always comes
     * before it (a household's row before its members'). Events that alternate statements (a
     * household's row, its members', the next household's row) then cost a batch per statement
     * instead of a round trip per row.
     */
    public void insertNew(String sql, Object... arguments) {
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.update(sql, arguments);
            return;
        }
        pending().newRows.computeIfAbsent(sql, key -> new ArrayList<>()).add(arguments);
    }

    public void update(String sql, Object... arguments) {
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.update(sql, arguments);
            return;
        }
        pending().add(sql, arguments);
    }

    /**
     * One row's values for a set-based statement, whose parameters are arrays, one per column, key
     * first: {@code UPDATE t SET c = v.c FROM unnest(?::uuid[], ?::text[]) AS v (id, c) WHERE t.id = v.id}.
     * A run of rows with the same statement is sent as one statement, which PostgreSQL executes as
     * one (a JDBC batch executes one statement per row); a key already in the run starts a new run,
     * so a row changed twice is changed in order. Values are UUIDs, strings, numbers or dates
     * (dates go as their ISO text: cast them in the SQL); a column is typed by its first non-null value.
     */
    public void row(String sql, Object key, Object... columns) {
        var values = new Object[columns.length + 1];
        values[0] = key;
        System.arraycopy(columns, 0, values, 1, columns.length);
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.update(sql, arrays(List.<Object[]>of(values)));
            return;
        }
        pending().addRow(sql, values);
    }

    private Pending pending() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        return unitOfWork.getOrComputeResource(PENDING, key -> {
            var pending = new Pending();
            unitOfWork.onPrepareCommit(done -> pending.flush(jdbc));
            return pending;
        });
    }

    /** The rows' values as one array per column. */
    private static Object[] arrays(List<Object[]> rows) {
        int width = rows.get(0).length;
        var arrays = new Object[width];
        for (int column = 0; column < width; column++) {
            final int at = column;
            Class<?> type = rows.stream().map(row -> row[at]).filter(Objects::nonNull).findFirst().map(SqlBatch::elementType).orElse(String.class);
            var array = (Object[]) Array.newInstance(type, rows.size());
            for (int row = 0; row < rows.size(); row++) {
                Object value = rows.get(row)[at];
                array[row] = value instanceof LocalDate date ? date.toString() : value;
            }
            arrays[column] = array;
        }
        return arrays;
    }

    private static Class<?> elementType(Object value) {
        return value instanceof LocalDate ? String.class : value.getClass();
    }

    private static final class Pending {
        private final Map<String, List<Object[]>> newRows = new LinkedHashMap<>();
        private final List<Run> runs = new ArrayList<>();

        void add(String sql, Object[] arguments) {
            Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last == null || last.rows() || !last.sql().equals(sql)) {
                last = new Run(sql, false, new ArrayList<>(), null);
                runs.add(last);
            }
            last.arguments().add(arguments);
        }

        void addRow(String sql, Object[] values) {
            Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last == null || !last.rows() || !last.sql().equals(sql) || last.keys().contains(values[0])) {
                last = new Run(sql, true, new ArrayList<>(), new HashSet<>());
                runs.add(last);
            }
            last.arguments().add(values);
            last.keys().add(values[0]);
        }

        void flush(JdbcTemplate jdbc) {
            newRows.forEach((sql, rows) -> send(jdbc, sql, rows));
            newRows.clear();
            for (Run run : runs) {
                if (run.rows()) {
                    for (int from = 0; from < run.arguments().size(); from += Sql.BATCH) {
                        jdbc.update(run.sql(), arrays(run.arguments().subList(from, Math.min(run.arguments().size(), from + Sql.BATCH))));
                    }
                } else {
                    send(jdbc, run.sql(), run.arguments());
                }
            }
            runs.clear();
        }

        /** One row as a plain statement, more as JDBC batches. */
        private static void send(JdbcTemplate jdbc, String sql, List<Object[]> rows) {
            if (rows.size() == 1) {
                jdbc.update(sql, rows.get(0));
            } else {
                Sql.batchUpdate(jdbc, sql, rows);
            }
        }
    }

    /** Statements of one kind in a row: a JDBC batch, or (rows) set-based statements with their keys. */
    private record Run(String sql, boolean rows, List<Object[]> arguments, Set<Object> keys) {
    }
}
