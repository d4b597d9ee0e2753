package se.benefitledger.projections.kpi;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.benefitledger.core.recovery.RepaymentReceivedEvent;
import se.benefitledger.projections.sql.PerBatch;
import se.benefitledger.projections.sql.Sql;

import java.time.YearMonth;
import java.util.SortedMap;

/** Cash recovered (repayments received) per municipality and month of receipt: table {@code recovered_cash_month}. */
@Component
@ProcessingGroup(RecoveredCashProjection.NAME)
class RecoveredCashProjection {

    static final String NAME = "recovered-cash";

    private final JdbcTemplate jdbc;
    private final PerBatch<MunicipalityMonth, Long> received;

    RecoveredCashProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.received = new PerBatch<>(NAME, Long::sum, this::write);
    }

    record MunicipalityMonth(String municipality, String month) implements Comparable<MunicipalityMonth> {
        @Override
        public int compareTo(MunicipalityMonth other) {
            int byMunicipality = municipality.compareTo(other.municipality);
            return byMunicipality != 0 ? byMunicipality : month.compareTo(other.month);
        }
    }

    @EventHandler
    void on(RepaymentReceivedEvent event) {
        received.add(new MunicipalityMonth(event.municipality().code(), YearMonth.from(event.receivedOn()).toString()), event.amount().ore());
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE recovered_cash_month");
    }

    private void write(SortedMap<MunicipalityMonth, Long> changes) {
        Sql.batchUpdate(jdbc, """
                        INSERT INTO recovered_cash_month (municipality, month, received_ore) VALUES (?, ?, ?)
                        ON CONFLICT (municipality, month) DO UPDATE SET received_ore = recovered_cash_month.received_ore + EXCLUDED.received_ore""",
                changes.entrySet().stream().map(entry -> new Object[]{entry.getKey().municipality(), entry.getKey().month(), entry.getValue()})
                       .toList());
    }
}
