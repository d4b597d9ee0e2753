package se.benefitledger.projections.payment;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import se.benefitledger.core.payment.PayeeType;
import se.benefitledger.core.payment.PaymentStatus;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.projections.sql.Sql;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@Service
public class PaymentQueries {

    private static final RowMapper<PaymentView> VIEW = (rs, row) -> new PaymentView(
            Sql.uuid(rs, "payment_id"),
            Sql.uuid(rs, "decision_id"),
            Sql.uuid(rs, "household_id"),
            MunicipalityCode.of(rs.getString("municipality")),
            BenefitMonth.parse(rs.getString("benefit_month")),
            Money.ofOre(rs.getLong("amount_ore")),
            Sql.date(rs, "due_date"),
            PayeeType.valueOf(rs.getString("payee_type")),
            Sql.uuid(rs, "payee_id"),
            PaymentStatus.valueOf(rs.getString("status")),
            Sql.uuid(rs, "batch_id"),
            Sql.date(rs, "executed_on"),
            Sql.date(rs, "returned_on"),
            Money.ofOre(rs.getLong("erroneous_ore")),
            rs.getObject("reissue_of", UUID.class),
            rs.getLong("version"));

    /** PostgreSQL orders UUIDs bytewise, so the nil UUID sorts first; payment ids are random, never nil. */
    private static final UUID BEFORE_EVERY_ID = new UUID(0, 0);

    private final JdbcClient jdbc;

    PaymentQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PaymentView> find(UUID paymentId) {
        return jdbc.sql("SELECT * FROM payment WHERE payment_id = ?").param(paymentId).query(VIEW).optional();
    }

    /** The municipality, locking the row for the caller's transaction (see ScopedResource). */
    public Optional<MunicipalityCode> lockMunicipalityOf(UUID paymentId) {
        return Sql.municipality(jdbc, "payment", "payment_id", paymentId, true);
    }

    public Optional<MunicipalityCode> municipalityOf(UUID paymentId) {
        return Sql.municipality(jdbc, "payment", "payment_id", paymentId, false);
    }

    /** The municipalities of those of the payments that exist. */
    public Map<UUID, MunicipalityCode> municipalitiesOf(Collection<UUID> paymentIds) {
        return Sql.municipalities(jdbc, "payment", "payment_id", paymentIds);
    }

    /**
     * The SCHEDULED payments of the municipality due on or before the payout date, locked for the
     * caller's transaction: a concurrent batch waits here and then finds them batched.
     */
    public List<UUID> lockSchedulable(MunicipalityCode municipality, LocalDate payoutDate) {
        return jdbc.sql("""
                        SELECT payment_id FROM payment
                        WHERE municipality = ? AND batch_id IS NULL AND status = 'SCHEDULED' AND due_date <= ?
                        ORDER BY due_date, payment_id FOR UPDATE""")
                   .params(municipality.code(), payoutDate)
                   .query(UUID.class)
                   .list();
    }

    /**
     * Locks these payments' rows, in id order (so that two requests never wait for each other),
     * for the caller's transaction; answers their municipalities.
     */
    public List<MunicipalityCode> lockAll(List<UUID> paymentIds) {
        return jdbc.sql("SELECT municipality FROM payment WHERE payment_id = ANY (?) ORDER BY payment_id FOR UPDATE")
                   .param(paymentIds.toArray(UUID[]::new))
                   .query((rs, row) -> MunicipalityCode.of(rs.getString(1)))
                   .list();
    }

    /**
     * Of these payments, the ones still SCHEDULED and in no batch, in the given order, locked (in
     * id order) for the caller's transaction.
     */
    public List<UUID> lockStillSchedulable(List<UUID> paymentIds) {
        Set<UUID> schedulable = new HashSet<>(jdbc.sql("""
                        SELECT payment_id FROM payment
                        WHERE payment_id = ANY (?) AND status = 'SCHEDULED' AND batch_id IS NULL ORDER BY payment_id FOR UPDATE""")
                   .param(paymentIds.toArray(UUID[]::new))
                   .query(UUID.class)
                   .list());
        return paymentIds.stream().filter(schedulable::contains).toList();
    }

    /** Of these payments, the ones in this batch still waiting for the bank's answer (BATCHED). */
    public Set<UUID> unsettledInBatch(UUID batchId, Collection<UUID> paymentIds) {
        return new HashSet<>(jdbc.sql("SELECT payment_id FROM payment WHERE batch_id = ? AND status = 'BATCHED' AND payment_id = ANY (?)")
                                 .params(batchId, paymentIds.toArray(UUID[]::new))
                                 .query(UUID.class)
                                 .list());
    }

    /**
     * Payments of the municipality to these payees, optionally in one status and due in a range, by due date: one page and the
     * number of all.
     */
    public PaymentPage toPayees(MunicipalityCode municipality, Collection<UUID> payeeIds, PaymentStatus status, LocalDate fromDueDate,
                                LocalDate toDueDate, long offset, int limit) {
        String where = """
                municipality = ? AND payee_id = ANY (?) AND (?::varchar IS NULL OR status = ?)
                AND due_date >= coalesce(?::date, '-infinity'::date) AND due_date <= coalesce(?::date, 'infinity'::date)""";
        String statusName = status == null ? null : status.name();
        Object[] parameters = {municipality.code(), payeeIds.toArray(UUID[]::new), statusName, statusName, fromDueDate, toDueDate};
        long total = jdbc.sql("SELECT count(*) FROM payment WHERE " + where).params(parameters).query(Long.class).single();
        var items = jdbc.sql("SELECT * FROM payment WHERE " + where + " ORDER BY due_date, payment_id OFFSET ? LIMIT ?")
                        .params(parameters).param(offset).param(limit)
                        .query(VIEW).list();
        return new PaymentPage(items, total);
    }

    public record PaymentPage(List<PaymentView> items, long total) {
    }

    public long countInBatch(UUID batchId) {
        return jdbc.sql("SELECT count(*) FROM payment WHERE batch_id = ?").param(batchId).query(Long.class).single();
    }

    public List<PaymentView> inBatch(UUID batchId, long offset, int limit) {
        return jdbc.sql("SELECT * FROM payment WHERE batch_id = ? ORDER BY payment_id OFFSET ? LIMIT ?")
                   .params(batchId, offset, limit)
                   .query(VIEW)
                   .list();
    }

    /**
     * The next {@code limit} payments of a batch in payment id order after {@code after} (null: from the first):
     * keyset paging, so that reading a batch of 100,000 page by page stays one index range scan per page.
     */
    public List<PaymentView> pageInBatch(UUID batchId, UUID after, int limit) {
        return jdbc.sql("SELECT * FROM payment WHERE batch_id = ? AND payment_id > ? ORDER BY payment_id LIMIT ?")
                   .params(batchId, after == null ? BEFORE_EVERY_ID : after, limit)
                   .query(VIEW)
                   .list();
    }
}
