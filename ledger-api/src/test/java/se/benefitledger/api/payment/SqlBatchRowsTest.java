package se.benefitledger.api.payment;

import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.Municipalities;
import se.benefitledger.projections.sql.SqlBatch;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Set-based row statements of a unit of work: one statement per run, yet every row changed as the events said, in
 * order; new rows first.
 */
@LedgerApiTest
class SqlBatchRowsTest {

    private static final String EXECUTED = """
            UPDATE payment p SET status = 'EXECUTED', executed_on = v.executed_on, version = v.version
            FROM unnest(?::uuid[], ?::date[], ?::bigint[]) AS v (payment_id, executed_on, version) WHERE p.payment_id = v.payment_id""";

    /** Adds to the row: a change that a set-based statement holding the row twice would count once. */
    private static final String FOUND_ERRONEOUS = """
            UPDATE payment p SET erroneous_ore = p.erroneous_ore + v.amount
            FROM unnest(?::uuid[], ?::bigint[]) AS v (payment_id, amount) WHERE p.payment_id = v.payment_id""";

    @Autowired
    SqlBatch sql;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aRowChangedTwiceInOneUnitOfWorkTakesBothChangesInOrder() {
        UUID first = scheduledPayment();
        UUID second = scheduledPayment();

        var unitOfWork = DefaultUnitOfWork.startAndGet(null);
        sql.row(EXECUTED, first, LocalDate.of(2025, 3, 1), 1L);
        sql.row(EXECUTED, second, LocalDate.of(2025, 3, 2), 1L);
        sql.row(EXECUTED, first, LocalDate.of(2025, 3, 3), 2L);
        sql.row(FOUND_ERRONEOUS, first, 100L);
        sql.row(FOUND_ERRONEOUS, second, 30L);
        sql.row(FOUND_ERRONEOUS, first, 50L);
        unitOfWork.commit();

        assertThat(row(first)).isEqualTo("EXECUTED 2025-03-03 2");
        assertThat(row(second)).isEqualTo("EXECUTED 2025-03-02 1");
        assertThat(erroneous(first)).as("one statement would join the row to both changes and take one").isEqualTo(150);
        assertThat(erroneous(second)).isEqualTo(30);
    }

    @Test
    void rowsKeepTheirPlaceAmongOtherStatements() {
        UUID payment = scheduledPayment();

        var unitOfWork = DefaultUnitOfWork.startAndGet(null);
        sql.row(EXECUTED, payment, LocalDate.of(2025, 4, 1), 1L);
        sql.update("UPDATE payment SET status = 'RETURNED', version = ? WHERE payment_id = ?", 2L, payment);
        sql.row(EXECUTED, payment, LocalDate.of(2025, 4, 5), 3L);
        unitOfWork.commit();

        assertThat(row(payment)).isEqualTo("EXECUTED 2025-04-05 3");
    }

    /**
     * New rows go first, a batch per statement in the order the statements first came: a household's row before its
     * members' (which reference it), and before a later statement of the same unit of work that changes it.
     */
    @Test
    void newRowsGoBeforeTheStatementsThatChangeThemAndBeforeTheRowsThatReferenceThem() {
        String municipality = Municipalities.fresh();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        var unitOfWork = DefaultUnitOfWork.startAndGet(null);
        newHousehold(first, municipality);
        sql.update("UPDATE household SET version = ? WHERE household_id = ?", 5L, first);
        newHousehold(second, municipality);
        unitOfWork.commit();

        assertThat(jdbc.sql("SELECT household_id, version FROM household WHERE municipality = ?").param(municipality)
                       .query((rs, row) -> rs.getObject(1, UUID.class) + " " + rs.getLong(2)).list())
                .containsExactlyInAnyOrder(first + " 5", second + " 0");
        assertThat(jdbc.sql("SELECT count(*) FROM household_membership m JOIN household h USING (household_id) WHERE h.municipality = ?")
                       .param(municipality).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void withoutAUnitOfWorkARowIsWrittenAtOnce() {
        UUID payment = scheduledPayment();

        sql.row(EXECUTED, payment, LocalDate.of(2025, 5, 1), 1L);

        assertThat(row(payment)).isEqualTo("EXECUTED 2025-05-01 1");
    }

    private void newHousehold(UUID household, String municipality) {
        sql.insertNew("INSERT INTO household (household_id, municipality, status, version, registered_at) VALUES (?, ?, 'ACTIVE', 0, now())",
                household, municipality);
        sql.insertNew("INSERT INTO household_membership (household_id, person_id, role, birth_date) VALUES (?, ?, 'APPLICANT', '1980-01-01')",
                household, UUID.randomUUID());
    }

    private UUID scheduledPayment() {
        UUID payment = UUID.randomUUID();
        jdbc.sql("""
                    INSERT INTO payment (payment_id, decision_id, household_id, municipality, benefit_month, amount_ore, due_date,
                                         payee_type, payee_id, status, version)
                    VALUES (?, ?, ?, ?, '2025-03', 100, '2025-03-01', 'HOUSEHOLD', ?, 'SCHEDULED', 0)""")
            .params(payment, UUID.randomUUID(), UUID.randomUUID(), Municipalities.fresh(), UUID.randomUUID())
            .update();
        return payment;
    }

    private long erroneous(UUID payment) {
        return jdbc.sql("SELECT erroneous_ore FROM payment WHERE payment_id = ?").param(payment).query(Long.class).single();
    }

    private String row(UUID payment) {
        return jdbc.sql("SELECT status || ' ' || executed_on || ' ' || version FROM payment WHERE payment_id = ?").param(payment)
                   .query(String.class).single();
    }
}
