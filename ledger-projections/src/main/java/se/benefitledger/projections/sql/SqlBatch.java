package se.benefitledger.projections.sql;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Read-model writes of one batch of events, sent as JDBC batches when the batch's unit of work
 * prepares to commit (inside its transaction, before its token is committed) instead of one round
 * trip per event. Statements keep their order; consecutive runs of the same SQL form one batch.
 * Handlers using this must not read back what they wrote within the same batch.
 */
@Component
public class SqlBatch {

    private static final String PENDING = SqlBatch.class.getName();
    private final JdbcTemplate jdbc;

    SqlBatch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void update(String sql, Object... arguments) {
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.update(sql, arguments);
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        unitOfWork.getOrComputeResource(PENDING, key -> {
            var pending = new Pending();
            unitOfWork.onPrepareCommit(done -> pending.flush(jdbc));
            return pending;
        }).add(sql, arguments);
    }

    private static final class Pending {
        private final List<Run> runs = new ArrayList<>();

        void add(String sql, Object[] arguments) {
            Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last == null || !last.sql().equals(sql)) {
                last = new Run(sql, new ArrayList<>());
                runs.add(last);
            }
            last.arguments().add(arguments);
        }

        void flush(JdbcTemplate jdbc) {
            for (Run run : runs) {
                if (run.arguments().size() == 1) {
                    jdbc.update(run.sql(), run.arguments().get(0));
                } else {
                    Sql.batchUpdate(jdbc, run.sql(), run.arguments());
                }
            }
            runs.clear();
        }
    }

    private record Run(String sql, List<Object[]> arguments) {
    }
}
