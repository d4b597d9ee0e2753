package se.benefitledger.api.pii;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import se.benefitledger.core.shared.PersonalIdentityNumber;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Where personnummer live: encrypted per person, found by a keyed hash. Everything else in the
 * ledger knows a person only by the id this vault hands out.
 */
@Service
public class PiiVault {

    private static final String PERSON = "PERSON";
    private static final String PAYEE = "PAYEE";

    private final JdbcClient jdbc;
    private final PiiCipher cipher;

    PiiVault(JdbcClient jdbc, PiiKeys keys) {
        this.jdbc = jdbc;
        this.cipher = new PiiCipher(keys);
    }

    /** The person id for this personnummer, created on first sight. Joins the caller's transaction. */
    public UUID personIdFor(PersonalIdentityNumber number) {
        return subjectIdFor(PERSON, number.digits(), number.digits().getBytes(StandardCharsets.US_ASCII));
    }

    public Optional<UUID> findPerson(PersonalIdentityNumber number) {
        return jdbc.sql("SELECT subject_id FROM pii_subject WHERE kind = ? AND blind_index = ?")
                   .params(PERSON, cipher.blindIndex(PERSON, number.digits()))
                   .query(UUID.class)
                   .optional();
    }

    /** The payee id for this name and account, the same for the same payee every time. Joins the caller's transaction. */
    public UUID payeeIdFor(Payee payee) {
        String identity = payee.name().trim().toLowerCase(java.util.Locale.ROOT) + "\n" + payee.accountDigits();
        return subjectIdFor(PAYEE, identity, (payee.name().trim() + "\n" + payee.account().trim()).getBytes(StandardCharsets.UTF_8));
    }

    /** Name and account of these payees; an erased payee is missing from the result. */
    public Map<UUID, Payee> payees(Collection<UUID> payeeIds) {
        var payees = new HashMap<UUID, Payee>();
        decrypt(PAYEE, payeeIds, (id, plaintext) -> {
            String[] parts = new String(plaintext, StandardCharsets.UTF_8).split("\n", 2);
            payees.put(id, new Payee(parts[0], parts[1]));
        });
        return payees;
    }

    /**
     * A payment of the payout batch whose payee's data was erased, if any: such a payment cannot be paid. One query
     * over the batch (joining the payment read model), so that a bank file is refused before its first byte.
     */
    public Optional<UUID> paymentToErasedPayee(UUID batchId) {
        return jdbc.sql("""
                        SELECT payment_id FROM payment
                        WHERE batch_id = ? AND NOT EXISTS (SELECT 1 FROM pii_subject
                                                           WHERE subject_id = payee_id AND kind = ? AND wrapped_key IS NOT NULL)
                        LIMIT 1""")
                   .params(batchId, PAYEE)
                   .query(UUID.class)
                   .optional();
    }

    /** The personnummer of these persons; an erased person is missing from the result. */
    public Map<UUID, PersonalIdentityNumber> personalIdentityNumbers(Collection<UUID> personIds) {
        var numbers = new HashMap<UUID, PersonalIdentityNumber>();
        decrypt(PERSON, personIds, (id, plaintext) -> numbers.put(id, PersonalIdentityNumber.parse(new String(plaintext, StandardCharsets.US_ASCII))));
        return numbers;
    }

    private UUID subjectIdFor(String kind, String identity, byte[] plaintext) {
        byte[] index = cipher.blindIndex(kind, identity);
        UUID candidate = UUID.randomUUID();
        var dataKey = cipher.newDataKey();
        // a concurrent first registration of the same subject waits on the unique index and then finds this row
        Optional<UUID> inserted = jdbc.sql("""
                        INSERT INTO pii_subject (subject_id, kind, blind_index, wrapped_key, ciphertext)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (kind, blind_index) DO NOTHING RETURNING subject_id""")
                .params(candidate, kind, index, cipher.wrap(dataKey, candidate), cipher.encrypt(dataKey, plaintext, candidate))
                .query(UUID.class)
                .optional();
        return inserted.orElseGet(() -> jdbc.sql("SELECT subject_id FROM pii_subject WHERE kind = ? AND blind_index = ?")
                                            .params(kind, index).query(UUID.class).single());
    }

    private void decrypt(String kind, Collection<UUID> subjectIds, BiConsumer<UUID, byte[]> consumer) {
        if (subjectIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                    SELECT subject_id, wrapped_key, ciphertext FROM pii_subject
                    WHERE kind = ? AND subject_id = ANY (?) AND wrapped_key IS NOT NULL""")
            .params(kind, subjectIds.stream().distinct().toArray(UUID[]::new))
            .query(rs -> {
                UUID id = rs.getObject("subject_id", UUID.class);
                var dataKey = cipher.unwrap(rs.getBytes("wrapped_key"), id);
                consumer.accept(id, cipher.decrypt(dataKey, rs.getBytes("ciphertext"), id));
            });
    }
}
