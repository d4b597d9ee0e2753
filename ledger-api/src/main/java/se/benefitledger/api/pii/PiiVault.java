package se.benefitledger.api.pii;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import se.benefitledger.core.payment.PayeeAccount;
import se.benefitledger.core.shared.PersonalIdentityNumber;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;

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

    /**
     * {@link #personIdFor} for many persons in two or three statements instead of one each (loading a
     * municipality's history); every new person still gets a data key of its own.
     */
    public Map<PersonalIdentityNumber, UUID> personIdsFor(Collection<PersonalIdentityNumber> numbers) {
        return subjectIdsFor(PERSON, numbers, PersonalIdentityNumber::digits, number -> number.digits().getBytes(StandardCharsets.US_ASCII));
    }

    public Optional<UUID> findPerson(PersonalIdentityNumber number) {
        return jdbc.sql("SELECT subject_id FROM pii_subject WHERE kind = ? AND blind_index = ?")
                   .params(PERSON, cipher.blindIndex(PERSON, number.digits()))
                   .query(UUID.class)
                   .optional();
    }

    /**
     * The payee id for this name and account, the same for the same payee every time: the same name (ignoring case and
     * surrounding spaces) and the same account in its canonical form. Joins the caller's transaction.
     *
     * @throws IllegalArgumentException when the account is not valid under {@link PayeeAccount}'s rules
     */
    public UUID payeeIdFor(Payee payee) {
        return subjectIdFor(PAYEE, identity(payee), plaintext(payee));
    }

    /** Two accounts are one payee's only when their kind and canonical form are equal: never by their digits alone. */
    private static String identity(Payee payee) {
        PayeeAccount account = payee.parsedAccount();
        return payee.name().trim().toLowerCase(java.util.Locale.ROOT) + "\n" + account.kind() + " " + account.canonical();
    }

    private static byte[] plaintext(Payee payee) {
        return (payee.name().trim() + "\n" + payee.parsedAccount().canonical()).getBytes(StandardCharsets.UTF_8);
    }

    /** {@link #payeeIdFor} for many payees at once, like {@link #personIdsFor}. */
    public Map<Payee, UUID> payeeIdsFor(Collection<Payee> payees) {
        return subjectIdsFor(PAYEE, payees, PiiVault::identity, PiiVault::plaintext);
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

    /** Looks the subjects up by blind index, inserts those not found (each with a data key of its own), and finds any that a concurrent insert won. */
    private <T> Map<T, UUID> subjectIdsFor(String kind, Collection<T> subjects, Function<T, String> identity, Function<T, byte[]> plaintext) {
        Map<T, ByteBuffer> indexOf = new LinkedHashMap<>();
        Map<ByteBuffer, T> first = new LinkedHashMap<>();
        for (T subject : subjects) {
            var index = indexOf.computeIfAbsent(subject, it -> ByteBuffer.wrap(cipher.blindIndex(kind, identity.apply(it))));
            first.putIfAbsent(index, subject);
        }
        Map<ByteBuffer, UUID> ids = existing(kind, first.keySet());
        List<UUID> candidates = new ArrayList<>();
        List<byte[]> indices = new ArrayList<>();
        List<byte[]> wrappedKeys = new ArrayList<>();
        List<byte[]> ciphertexts = new ArrayList<>();
        first.forEach((index, subject) -> {
            if (!ids.containsKey(index)) {
                UUID candidate = UUID.randomUUID();
                var dataKey = cipher.newDataKey();
                candidates.add(candidate);
                indices.add(index.array());
                wrappedKeys.add(cipher.wrap(dataKey, candidate));
                ciphertexts.add(cipher.encrypt(dataKey, plaintext.apply(subject), candidate));
            }
        });
        if (!candidates.isEmpty()) {
            jdbc.sql("""
                        INSERT INTO pii_subject (subject_id, kind, blind_index, wrapped_key, ciphertext)
                        SELECT id, ?, blind_index, wrapped_key, ciphertext FROM unnest(?::uuid[], ?::bytea[], ?::bytea[], ?::bytea[])
                            AS new (id, blind_index, wrapped_key, ciphertext)
                        ON CONFLICT (kind, blind_index) DO NOTHING RETURNING subject_id, blind_index""")
                .params(kind, candidates.toArray(UUID[]::new), indices.toArray(byte[][]::new), wrappedKeys.toArray(byte[][]::new),
                        ciphertexts.toArray(byte[][]::new))
                .query(rs -> {
                    ids.put(ByteBuffer.wrap(rs.getBytes("blind_index")), rs.getObject("subject_id", UUID.class));
                });
            if (ids.size() < first.size()) {
                ids.putAll(existing(kind, first.keySet()));
            }
        }
        Map<T, UUID> result = new HashMap<>();
        indexOf.forEach((subject, index) -> result.put(subject, ids.get(index)));
        return result;
    }

    private Map<ByteBuffer, UUID> existing(String kind, Collection<ByteBuffer> indices) {
        Map<ByteBuffer, UUID> ids = new HashMap<>();
        jdbc.sql("SELECT subject_id, blind_index FROM pii_subject WHERE kind = ? AND blind_index = ANY (?)")
            .params(kind, indices.stream().map(ByteBuffer::array).toArray(byte[][]::new))
            .query(rs -> {
                ids.put(ByteBuffer.wrap(rs.getBytes("blind_index")), rs.getObject("subject_id", UUID.class));
            });
        return ids;
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
