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
    /** The blind index of a payee's account alone, so that the payments to one account can be found across payees. */
    private static final String PAYEE_ACCOUNT = "PAYEE_ACCOUNT";

    private final JdbcClient jdbc;
    private final PiiCipher cipher;

    PiiVault(JdbcClient jdbc, PiiKeys keys) {
        this.jdbc = jdbc;
        this.cipher = new PiiCipher(keys);
    }

    /** The person id for this personnummer, created on first sight. Joins the caller's transaction. */
    public UUID personIdFor(PersonalIdentityNumber number) {
        return subjectIdFor(PERSON, cipher.blindIndex(PERSON, number.digits()), number.digits().getBytes(StandardCharsets.US_ASCII), null);
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
        byte[] index = cipher.blindIndex(PAYEE, identity(payee));
        // most payees are paid month after month: one look-up, and no new data key or ciphertext that would go unused
        var known = jdbc.sql("SELECT subject_id, account_index IS NULL AS unindexed FROM pii_subject WHERE kind = ? AND blind_index = ?")
                        .params(PAYEE, index)
                        .query((row, number) -> new KnownPayee(row.getObject("subject_id", UUID.class), row.getBoolean("unindexed")))
                        .optional();
        if (known.isEmpty()) {
            return subjectIdFor(PAYEE, index, plaintext(payee), accountIndex(payee.parsedAccount()));
        }
        if (known.get().unindexed()) {
            indexAccounts(Map.of(known.get().id(), payee.parsedAccount()));
        }
        return known.get().id();
    }

    private record KnownPayee(UUID id, boolean unindexed) {
    }

    /**
     * The payees paid to this account, whatever their names: found by a keyed hash of the account's kind and canonical
     * form (see {@link #indexAccounts}), never by decrypting.
     */
    public List<UUID> payeesWithAccount(PayeeAccount account) {
        return jdbc.sql("SELECT subject_id FROM pii_subject WHERE kind = ? AND account_index = ? ORDER BY subject_id")
                   .params(PAYEE, accountIndex(account))
                   .query(UUID.class)
                   .list();
    }

    /**
     * Gives payees registered before their accounts were indexed their account index, a page of {@code limit} at a time,
     * in id order from after {@code after} (null: from the first); answers the last id of the page, empty when none is
     * left. A payee stored before accounts were checked whose account the rules refuse stays unindexed: no search can
     * find it, and a bank file that pays it is refused.
     */
    public Optional<UUID> indexUnindexedAccounts(UUID after, int limit) {
        var page = jdbc.sql("""
                            SELECT subject_id FROM pii_subject
                            WHERE kind = ? AND account_index IS NULL AND wrapped_key IS NOT NULL AND subject_id > ?
                            ORDER BY subject_id LIMIT ?""")
                       .params(PAYEE, after == null ? new UUID(0, 0) : after, limit)
                       .query(UUID.class)
                       .list();
        var accounts = new HashMap<UUID, PayeeAccount>();
        payees(page).forEach((id, payee) -> PayeeAccount.tryParse(payee.account()).ifPresent(account -> accounts.put(id, account)));
        indexAccounts(accounts);
        return page.isEmpty() ? Optional.empty() : Optional.of(page.get(page.size() - 1));
    }

    private void indexAccounts(Map<UUID, PayeeAccount> accounts) {
        if (accounts.isEmpty()) {
            return;
        }
        var ids = new ArrayList<UUID>(accounts.keySet());
        jdbc.sql("""
                    UPDATE pii_subject SET account_index = indexed.account_index
                    FROM unnest(?::uuid[], ?::bytea[]) AS indexed (id, account_index)
                    WHERE subject_id = indexed.id AND pii_subject.account_index IS NULL""")
            .params(ids.toArray(UUID[]::new), ids.stream().map(id -> accountIndex(accounts.get(id))).toArray(byte[][]::new))
            .update();
    }

    private byte[] accountIndex(PayeeAccount account) {
        return cipher.blindIndex(PAYEE_ACCOUNT, account.kind() + " " + account.canonical());
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
        Map<Payee, UUID> ids = subjectIdsFor(PAYEE, payees, PiiVault::identity, PiiVault::plaintext);
        var accounts = new HashMap<UUID, PayeeAccount>();
        ids.forEach((payee, id) -> accounts.put(id, payee.parsedAccount()));
        indexAccounts(accounts);
        return ids;
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
     * A payment of the payout batch still to be paid (not settled) whose payee's data was erased, if any: such a payment
     * cannot be paid. One query over the batch (joining the payment read model), so that a bank file is refused before
     * its first byte. Settled payments to erased payees are an old batch's record and are shown as erased.
     */
    public Optional<UUID> unsettledPaymentToErasedPayee(UUID batchId) {
        return jdbc.sql("""
                        SELECT payment_id FROM payment
                        WHERE batch_id = ? AND status = 'BATCHED'
                          AND NOT EXISTS (SELECT 1 FROM pii_subject WHERE subject_id = payee_id AND kind = ? AND wrapped_key IS NOT NULL)
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

    /** Whether this person's data is erased (or the id names no person of the vault: empty). */
    public Optional<Boolean> personErased(UUID personId) {
        return jdbc.sql("SELECT wrapped_key IS NULL FROM pii_subject WHERE subject_id = ? AND kind = ?")
                   .params(personId, PERSON)
                   .query(Boolean.class)
                   .optional();
    }

    /**
     * Crypto-shredding: destroys the data keys, ciphertexts and blind indexes of these subjects, so that nothing can
     * decrypt or find them again; the ids stay, and the events that name them. Joins the caller's transaction.
     * Answers the texts the subjects were shown as (personnummer in full and masked, payee names and accounts), so
     * that answers stored elsewhere can be redacted; subjects erased before are skipped.
     */
    public List<String> erase(Collection<UUID> subjectIds) {
        if (subjectIds.isEmpty()) {
            return List.of();
        }
        var texts = new ArrayList<String>();
        personalIdentityNumbers(subjectIds).values().forEach(number -> {
            texts.add(number.digits());
            texts.add(number.masked());
        });
        payees(subjectIds).values().forEach(payee -> {
            texts.add(payee.name());
            texts.add(payee.account());
        });
        jdbc.sql("""
                    UPDATE pii_subject SET wrapped_key = NULL, ciphertext = NULL, blind_index = NULL, erased_at = now()
                    WHERE subject_id = ANY (?) AND erased_at IS NULL""")
            .param(subjectIds.stream().distinct().toArray(UUID[]::new))
            .update();
        return texts;
    }

    /** A new subject with this blind index (and a payee's account index, else null), or the one a concurrent request stored first. */
    private UUID subjectIdFor(String kind, byte[] index, byte[] plaintext, byte[] accountIndex) {
        UUID candidate = UUID.randomUUID();
        var dataKey = cipher.newDataKey();
        // a concurrent first registration of the same subject waits on the unique index and then finds this row
        Optional<UUID> inserted = jdbc.sql("""
                        INSERT INTO pii_subject (subject_id, kind, blind_index, wrapped_key, ciphertext, account_index)
                        VALUES (?, ?, ?, ?, ?, ?::bytea) ON CONFLICT (kind, blind_index) DO NOTHING RETURNING subject_id""")
                .params(candidate, kind, index, cipher.wrap(dataKey, candidate), cipher.encrypt(dataKey, plaintext, candidate), accountIndex)
                .query(UUID.class)
                .optional();
        return inserted.orElseGet(() -> jdbc.sql("SELECT subject_id FROM pii_subject WHERE kind = ? AND blind_index = ?")
                                            .params(kind, index).query(UUID.class).single());
    }

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
                PiiAccessLog.decrypted(id);
                var dataKey = cipher.unwrap(rs.getBytes("wrapped_key"), id);
                consumer.accept(id, cipher.decrypt(dataKey, rs.getBytes("ciphertext"), id));
            });
    }
}
